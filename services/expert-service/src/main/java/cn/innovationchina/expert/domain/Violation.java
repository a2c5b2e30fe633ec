package cn.innovationchina.expert.domain;

/** One reason a profile is refused, naming the field at fault as a client wrote it. */
public record Violation(String field, String reason) {
}
