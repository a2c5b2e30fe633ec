package cn.innovationchina.events;

/** Kafka topic names: the only place they are spelled out. */
public final class Topics {

    public static final String DEMAND_EVENTS = "demand.events";
    public static final String PROVIDER_EVENTS = "provider.events";
    public static final String MATCH_EVENTS = "match.events";
    public static final String NOTIFICATION_EVENTS = "notification.events";

    private Topics() {
    }

    /** Dead letters of one consumer group on one topic: {@code <topic>.<group>.dlq}. */
    public static String deadLetters(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + ".dlq";
    }
}
