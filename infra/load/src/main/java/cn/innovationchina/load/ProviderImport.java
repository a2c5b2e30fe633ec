package cn.innovationchina.load;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import cn.innovationchina.devstack.demo.DevTokens;

/**
 * The bulk import of providers, timed along its whole path: the requests through the gateway, the outbox relay
 * putting their events on Kafka (the relay figure: events a second from the import's start to its last event
 * on {@code provider.events}), each consumer group catching up, and what each process spent on it.
 */
final class ProviderImport {

    static final String TOPIC = "provider.events";
    /** The services with a consumer group on {@link #TOPIC}. */
    static final List<String> CONSUMING_SERVICES = List.of("matching-service", "monitoring-service",
            "notification-service");

    /** What happens to the topic's consumers while the import and the relay run. */
    interface Consumers {

        /** Left running: they compete with the import for the cores, as on any one machine. */
        Consumers UNTOUCHED = new Consumers() {
            @Override
            public void hold() {
            }

            @Override
            public void release() {
            }
        };

        void hold() throws Exception;

        void release() throws Exception;
    }

    private ProviderImport() {
    }

    /**
     * Imports the load material's providers {@code from} to {@code from + count - 1} and answers the report's lines;
     * fails if a group does not catch up.
     */
    static List<String> run(HttpClient http, String gateway, DevTokens tokens, int from, int count, ConsumerLag lag,
            Map<String, Long> pids, Consumers consumers) throws Exception {
        long eventsBefore = lag.endOffsets(TOPIC);
        var cpuBefore = CpuMeter.read(pids);
        consumers.hold();
        long start = System.nanoTime();
        var lastEventAt = new AtomicLong(-1);
        Thread relay = watchRelay(lag, eventsBefore + count, start, lastEventAt);
        double imported;
        try {
            imported = Seeding.importProviders(http, gateway, tokens, from, count);
            relay.join(600_000);
        } finally {
            consumers.release();
        }
        if (lastEventAt.get() < 0) {
            throw new IllegalStateException("The relay had not put " + count + " provider events on Kafka after 600 s");
        }
        double onKafka = lastEventAt.get() / 1e9;
        Map<String, Double> caughtUp = awaitGroups(lag, start, 900);
        var cpuAfter = CpuMeter.read(pids);

        List<String> lines = new ArrayList<>();
        String paused = consumers == Consumers.UNTOUCHED ? ""
                : " (its consumers paused until its last event was on Kafka)";
        lines.add("Import of %d providers%s: answered through the gateway after %.1f s; the last event on %s after "
                .formatted(count, paused, imported, TOPIC) + "%.1f s: the relay carried %.0f events/s".formatted(
                        onKafka, (lag.endOffsets(TOPIC) - eventsBefore) / onKafka));
        var groups = new StringBuilder("  every group caught up, s after the import began:");
        caughtUp.forEach((group, seconds) -> groups.append(" %s %.1f".formatted(group, seconds)));
        // The issue's own figure counts from the import's answer ("59 s to import, then 231 s until caught up").
        double last = caughtUp.values().stream().mapToDouble(Double::doubleValue).max().orElse(imported);
        lines.add(groups.append("; the last %.1f s after the import was answered".formatted(last - imported))
                .toString());
        var cpu = new StringBuilder("  CPU ms per provider, import to caught up:");
        double total = 0;
        for (var entry : cpuAfter.secondsSince(cpuBefore).entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList()) {
            double perProvider = entry.getValue() * 1000 / count;
            cpu.append(" %s %.2f".formatted(entry.getKey(), perProvider));
            total += perProvider;
        }
        lines.add(cpu.append(" (total %.2f, of which the JIT compilers %.2f)".formatted(total,
                cpuAfter.compilingSecondsSince(cpuBefore) * 1000 / count)).toString());
        return lines;
    }

    private static Thread watchRelay(ConsumerLag lag, long target, long start, AtomicLong lastEventAt) {
        Thread watcher = new Thread(() -> {
            long deadline = start + 600_000_000_000L;
            while (System.nanoTime() < deadline) {
                try {
                    if (lag.endOffsets(TOPIC) >= target) {
                        lastEventAt.set(System.nanoTime() - start);
                        return;
                    }
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                } catch (IllegalStateException e) {
                    // the broker did not answer in time: ask again
                }
            }
        }, "relay-watch");
        watcher.setDaemon(true);
        watcher.start();
        return watcher;
    }

    /**
     * Whether the broker knows a group of every consuming service on the topic: a group appears once it has committed
     * there, which a paused one (--import-alone) or a first import on a fresh platform may not have done yet.
     */
    private static boolean everyServiceReports(Set<String> groups) {
        return groups.containsAll(CONSUMING_SERVICES)
                && groups.stream().anyMatch(group -> group.startsWith("matching-service-index-"));
    }

    /** Seconds from {@code start} until each group's lag first reached zero. */
    private static Map<String, Double> awaitGroups(ConsumerLag lag, long start, int limitSeconds)
            throws InterruptedException {
        Map<String, Double> caughtUp = new TreeMap<>();
        long deadline = System.nanoTime() + limitSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            var answered = lag.byGroupIfAnswered(TOPIC);
            if (answered.isEmpty()) {
                Thread.sleep(250);
                continue;
            }
            Map<String, Long> byGroup = answered.get();
            long now = System.nanoTime();
            byGroup.forEach((group, behind) -> {
                if (behind == 0) {
                    caughtUp.putIfAbsent(group, (now - start) / 1e9);
                } else {
                    caughtUp.remove(group);
                }
            });
            if (everyServiceReports(byGroup.keySet()) && caughtUp.keySet().containsAll(byGroup.keySet())) {
                return new LinkedHashMap<>(caughtUp);
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The consumers had not caught up with the import after " + limitSeconds
                + " s: " + lag.byGroup(TOPIC));
    }
}
