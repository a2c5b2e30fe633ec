package cn.innovationchina.archfixture.upward.application;

public record LampSearch(String text) {
}
