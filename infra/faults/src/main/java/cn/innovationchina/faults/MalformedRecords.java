package cn.innovationchina.faults;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import cn.innovationchina.load.Step;

/**
 * The same stream twice, clean and with 1% malformed records on each event topic: each malformed record must reach
 * the dead-letter topic of every group consuming the topic, the rest flow, and throughput drops less than 10%.
 */
record MalformedRecords(Harness harness, DemandStream stream) {

    private static final List<String> EVENT_TOPICS = List.of("demand.events", "match.events", "provider.events");
    /**
     * matching-service's per-instance index groups, which read provider.events (ADR 0014) and demand.events (ADR 0062)
     * without dead letters.
     */
    private static final List<String> INDEX_GROUPS = List.of("matching-service-index-", "matching-service-demands-");
    private static final Map<String, String> TOPIC_EVENT = Map.of("demand.events", "DemandPublished",
            "match.events", "MatchesProposed", "provider.events", "ProviderRegistered");

    Verdict run() throws Exception {
        String promise = "1% malformed records on each event topic: each reaches every consuming group's dead-letter "
                + "topic, the rest flows, throughput drops less than 10%";
        List<String> findings = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Step clean = stream.withProvidersArriving(() -> stream.stream(60));
        harness.lag().awaitZero(300);
        Map<String, Long> appendedBefore = eachTopic(harness.brokers()::appended);
        Map<String, Map<String, Long>> dlqBefore = eachTopic(harness.brokers()::deadLetters);
        Map<String, Long> injected = new LinkedHashMap<>();
        EVENT_TOPICS.forEach(topic -> injected.put(topic, 0L));
        var injector = new Thread(() -> inject(appendedBefore, injected), "malformed-injector");
        injector.start();
        Step dirty = stream.withProvidersArriving(() -> stream.stream(60));
        injector.interrupt();
        injector.join();
        double caughtUp = harness.lag().awaitZero(600);
        stream.awaitNews(dirty);
        Map<String, Map<String, Long>> dlqAfter = eachTopic(harness.brokers()::deadLetters);
        for (String topic : EVENT_TOPICS) {
            long records = harness.brokers().appended(topic) - appendedBefore.get(topic);
            findings.add("%s: %d malformed of %d records (%.2f%%)".formatted(topic, injected.get(topic), records,
                    100.0 * injected.get(topic) / Math.max(1, records)));
            for (String group : harness.brokers().groupsConsuming(topic)) {
                if (INDEX_GROUPS.stream().anyMatch(group::startsWith)) {
                    findings.add("  %s: no dead-letter topic (its service's own group has them, ADR 0014, 0062)"
                            .formatted(group));
                    continue;
                }
                String dlq = topic + "." + group + ".dlq";
                long arrived = dlqAfter.get(topic).getOrDefault(dlq, 0L) - dlqBefore.get(topic).getOrDefault(dlq, 0L);
                findings.add("  %s: %d dead letters".formatted(dlq, arrived));
                if (arrived != injected.get(topic)) {
                    problems.add(dlq + " got " + arrived + " of " + injected.get(topic));
                }
            }
        }
        double cleanRate = Latencies.achieved(clean);
        double dirtyRate = Latencies.achieved(dirty);
        findings.add(("published per second: %.2f clean, %.2f with malformed records; MatchesProposed p50/p99 %s ms "
                + "clean, %s ms with them; caught up %.1f s after the stream").formatted(cleanRate, dirtyRate,
                        Latencies.proposed(clean, harness.seen()), Latencies.proposed(dirty, harness.seen()),
                        caughtUp));
        if (dirtyRate < 0.9 * cleanRate) {
            problems.add("throughput dropped by more than 10%");
        }
        problems.addAll(harness.effects().problems(dirty.published()));
        findings.addAll(problems);
        return new Verdict("malformed-1%", promise, problems.isEmpty(), findings);
    }

    private void inject(Map<String, Long> appendedBefore, Map<String, Long> injected) {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, harness.stack().kafkaBootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            while (!Thread.currentThread().isInterrupted()) {
                for (String topic : EVENT_TOPICS) {
                    long real = harness.brokers().appended(topic) - appendedBefore.get(topic) - injected.get(topic);
                    // One malformed record per 99 real ones: 1% of what the topic carries.
                    for (long n = injected.get(topic); n < real / 99; n++) {
                        var record = new ProducerRecord<String, String>(topic, "malformed-" + UUID.randomUUID(),
                                "{\"eventId\":\"" + UUID.randomUUID() + "\",\"payload\":{\"demandId\":");
                        record.headers().add("eventType", TOPIC_EVENT.get(topic).getBytes(StandardCharsets.UTF_8));
                        record.headers().add("eventId", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
                        producer.send(record).get(10, TimeUnit.SECONDS);
                        injected.merge(topic, 1L, Long::sum);
                    }
                }
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("Injecting malformed records failed", e);
        }
    }

    /** Something the broker is asked about one topic. */
    private interface TopicQuestion<T> {
        T ask(String topic) throws Exception;
    }

    private static <T> Map<String, T> eachTopic(TopicQuestion<T> question) throws Exception {
        Map<String, T> answers = new LinkedHashMap<>();
        for (String topic : EVENT_TOPICS) {
            answers.put(topic, question.ask(topic));
        }
        return answers;
    }
}
