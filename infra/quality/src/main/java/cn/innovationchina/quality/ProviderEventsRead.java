package cn.innovationchina.quality;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until matching has handled every provider event the load caused: the broker holds at least as many records on
 * {@code provider.events} as the load's accepted writes produced (each registration, verification and availability
 * change is one event, published by expert-service's outbox relay), and every consumer group reading the topic has
 * committed up to its end. Among those groups must be matching's read model ({@code matching-service}) and an
 * instance's index group ({@code matching-service-index-...}, ADR 0014), whose handler refreshes the searcher before
 * the offset is committed; a commit therefore means the provider can be found.
 */
final class ProviderEventsRead {

    static final String TOPIC = "provider.events";
    private static final String READ_MODEL_GROUP = "matching-service";
    private static final String INDEX_GROUP_PREFIX = "matching-service-index-";

    /** Where the topic stood at one look. */
    record Look(long records, Map<String, Long> lagByGroup) {

        boolean caughtUp(long expected) {
            return records >= expected && lagByGroup.containsKey(READ_MODEL_GROUP)
                    && lagByGroup.keySet().stream().anyMatch(g -> g.startsWith(INDEX_GROUP_PREFIX))
                    && lagByGroup.values().stream().allMatch(lag -> lag == 0);
        }

        @Override
        public String toString() {
            return records + " records on " + TOPIC + ", lag by group " + lagByGroup;
        }
    }

    private ProviderEventsRead() {
    }

    /** Answers the last look once caught up; throws with it when the patience runs out. */
    static Look await(String bootstrap, long expectedEvents, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            Look look = null;
            while (System.nanoTime() < deadline) {
                look = look(admin);
                if (look.caughtUp(expectedEvents)) {
                    return look;
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException("Matching had not read every provider event after " + patience.toSeconds()
                    + " s (expected at least " + expectedEvents + " records): " + look);
        }
    }

    private static Look look(Admin admin) throws InterruptedException {
        try {
            var partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(TOPIC).partitions().stream().map(p -> new TopicPartition(TOPIC, p.partition()))
                    .collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((p, info) -> ends.put(p, info.offset()));
            Set<String> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()
                    .get(10, TimeUnit.SECONDS).stream().map(GroupListing::groupId).collect(Collectors.toSet());
            Set<String> readers = new HashSet<>();
            admin.describeConsumerGroups(groups).all().get(10, TimeUnit.SECONDS).forEach((id, group) -> {
                if (group.members().stream().anyMatch(m -> m.assignment().topicPartitions().stream()
                        .anyMatch(p -> p.topic().equals(TOPIC)))) {
                    readers.add(id);
                }
            });
            Map<String, Long> lag = new HashMap<>();
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                boolean reads = readers.contains(group) || committed.keySet().stream()
                        .anyMatch(p -> p.topic().equals(TOPIC));
                if (reads) {
                    long behind = 0;
                    for (var end : ends.entrySet()) {
                        var offset = committed.get(end.getKey());
                        behind += end.getValue() - (offset == null ? 0 : offset.offset());
                    }
                    lag.put(group, behind);
                }
            }
            return new Look(ends.values().stream().mapToLong(Long::longValue).sum(), lag);
        } catch (ExecutionException | TimeoutException e) {
            // The topic appears with its first record; until then there is nothing to read.
            return new Look(0, Map.of());
        }
    }
}
