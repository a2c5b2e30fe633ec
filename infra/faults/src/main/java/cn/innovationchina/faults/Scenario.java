package cn.innovationchina.faults;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One fault the harness runs, as the command line names it: {@code kill-services} is one kill per service, in order,
 * {@code kill-SERVICE} one of them alone, {@code kill-broker} a kill of Kafka.
 */
record Scenario(Kind kind, @Nullable String process) {

    enum Kind { KILL, BROKER_DOWN, PAUSE_CONSUMER, MALFORMED, SLOW_WEBHOOK, REWIND }

    static final String ALL = "kill-services,kill-broker,broker-down,pause-consumer,malformed,slow-webhook,rewind";
    static final List<String> SERVICES = List.of("demand-service", "expert-service", "matching-service",
            "notification-service", "monitoring-service", "gateway");

    /** The scenarios a name of the command line stands for, in order; an unknown name is refused. */
    static List<Scenario> of(String name) {
        return switch (name) {
            case "kill-services" -> SERVICES.stream().map(service -> new Scenario(Kind.KILL, service)).toList();
            case "kill-broker" -> List.of(new Scenario(Kind.KILL, "kafka"));
            case "broker-down" -> List.of(new Scenario(Kind.BROKER_DOWN, null));
            case "pause-consumer" -> List.of(new Scenario(Kind.PAUSE_CONSUMER, null));
            case "malformed" -> List.of(new Scenario(Kind.MALFORMED, null));
            case "slow-webhook" -> List.of(new Scenario(Kind.SLOW_WEBHOOK, null));
            case "rewind" -> List.of(new Scenario(Kind.REWIND, null));
            default -> {
                // kill-<process>: one of kill-services' victims alone (kill-notification-service ...).
                String process = name.replaceFirst("^kill-", "");
                if (name.startsWith("kill-") && SERVICES.contains(process)) {
                    yield List.of(new Scenario(Kind.KILL, process));
                }
                throw new IllegalArgumentException("No scenario " + name + "; there are " + ALL
                        + " and kill-<service>");
            }
        };
    }
}
