package cn.innovationchina.faults;

import java.util.List;

/** How a scenario ended: the promise it tested, whether the platform kept it, and the figures that say so. */
record Verdict(String scenario, String promise, boolean kept, List<String> findings) {

    String text() {
        var text = new StringBuilder("%-26s %s%n".formatted(scenario, kept ? "KEPT" : "BROKEN"));
        text.append("    promise: ").append(promise).append('\n');
        findings.forEach(finding -> text.append("    ").append(finding).append('\n'));
        return text.toString();
    }
}
