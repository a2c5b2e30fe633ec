package cn.innovationchina.faults;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every consumer group's offsets rewound to the start of every topic, so each event is read again: consumers
 * deduplicate, so the stores, the broker's events and monitoring's figures must stay exactly as they were.
 */
record Rewind(Harness harness) {

    private static final String[] CONSUMERS = {"matching-service", "matching-service-2", "notification-service",
            "notification-service-2", "monitoring-service", "expert-service"};

    Verdict run() throws Exception {
        String promise = "consumer offsets rewound to the start of every topic (10,000 events or more): no new effect "
                + "anywhere";
        List<String> problems = new ArrayList<>();
        var effects = harness.effects();
        harness.lag().awaitZero(300);
        long inbox = effects.count("notification-service", "inbox");
        long deliveries = effects.count("notification-service", "deliveries");
        long matchLists = effects.count("matching-service", "demandMatches");
        String figures = monitoringFigures();
        int events = harness.seen().distinctEventCount();
        harness.stack().stopGracefully(CONSUMERS);
        Map<String, Long> rewound = harness.brokers().rewindToStart(Set.of("matching-service", "notification-service",
                "monitoring-service", "expert-service"));
        long total = rewound.values().stream().mapToLong(Long::longValue).sum();
        harness.stack().restart(CONSUMERS);
        double caughtUp = harness.lag().awaitZero(1200);
        Thread.sleep(10_000);
        compare(problems, "inbox entries", inbox, effects.count("notification-service", "inbox"));
        compare(problems, "deliveries", deliveries, effects.count("notification-service", "deliveries"));
        compare(problems, "match lists", matchLists, effects.count("matching-service", "demandMatches"));
        compare(problems, "DemandPublished/MatchesProposed events", events, harness.seen().distinctEventCount());
        if (!figures.equals(monitoringFigures())) {
            problems.add("monitoring's figures changed");
        }
        if (total < 10_000) {
            problems.add("only " + total + " events were rewound");
        }
        List<String> findings = new ArrayList<>();
        findings.add("%d events read again by %d groups %s; caught up in %.1f s".formatted(total, rewound.size(),
                rewound.keySet(), caughtUp));
        findings.add("unchanged: %d inbox entries, %d deliveries, %d match lists, monitoring's figures".formatted(
                inbox, deliveries, matchLists));
        findings.addAll(problems);
        return new Verdict("rewind", promise, problems.isEmpty(), findings);
    }

    /** Today's figures of every pilot city, as the platform administrator's ranking shows them. */
    private String monitoringFigures() {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        var ranking = harness.platform().expectGet("monitoring", "/cities/ranking?from=" + today + "&to=" + today,
                harness.tokens().platformAdmin()).body();
        var figures = new StringBuilder();
        ranking.forEach(city -> figures.append(city.path("cityCode").asString()).append(city.path("figures")));
        return figures.toString();
    }

    private static void compare(List<String> problems, String what, long before, long after) {
        if (before != after) {
            problems.add(what + ": " + before + " before, " + after + " after");
        }
    }
}
