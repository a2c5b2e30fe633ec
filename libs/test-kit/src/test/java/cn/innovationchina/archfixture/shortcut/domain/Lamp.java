package cn.innovationchina.archfixture.shortcut.domain;

public record Lamp(String id) {
}
