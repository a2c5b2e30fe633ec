package cn.innovationchina.archfixture.clean.domain;

import cn.innovationchina.events.Visibility;

public record Lamp(String id, Visibility visibility) {
}
