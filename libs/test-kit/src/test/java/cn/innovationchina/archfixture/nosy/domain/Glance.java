package cn.innovationchina.archfixture.nosy.domain;

public record Glance(String at) {
}
