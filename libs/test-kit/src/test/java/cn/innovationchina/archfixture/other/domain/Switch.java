package cn.innovationchina.archfixture.other.domain;

public record Switch(boolean on) {
}
