package cn.innovationchina.load;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The services' consumer lag as the broker sees it: per group, the records between committed and end offsets. The
 * broadcast groups ({@code anonymous.*}: one per instance reading {@code notification.live} or {@code monitoring.live}
 * from the latest record, ADR 0030 and 0048) are left out: a stopped instance's group is never resumed, so its lag
 * grows for as long as the broker keeps its offsets and says nothing about whether the services caught up.
 */
public final class ConsumerLag implements AutoCloseable {

    private final Admin admin;
    private final Map<String, List<TopicPartition>> partitionsByTopic = new ConcurrentHashMap<>();

    public ConsumerLag(String bootstrap) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /**
     * Lag by consumer group on one topic, over the groups that have committed on it, counting every partition of it
     * (one a group has not committed on yet from its start); every topic if {@code topic} is null, over the
     * partitions each group has committed on.
     */
    public Map<String, Long> byGroup(String topic) {
        try {
            Map<String, Long> lag = new TreeMap<>();
            Map<TopicPartition, Long> topicStarts = topic == null ? Map.of() : starts(partitions(topic));
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
                if (group.groupId().startsWith("anonymous.")) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(admin
                        .listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS));
                if (topic != null) {
                    committed.keySet().removeIf(partition -> !partition.topic().equals(topic));
                    if (committed.isEmpty()) {
                        continue;
                    }
                    // A partition the group has not committed on yet is read from its start.
                    topicStarts.forEach((partition, start) -> committed.computeIfAbsent(partition,
                            missing -> new OffsetAndMetadata(start)));
                }
                Map<TopicPartition, Long> ends = ends(committed.keySet());
                long groupLag = 0;
                for (var entry : committed.entrySet()) {
                    if (entry.getValue() != null) {
                        groupLag += Math.max(0, ends.get(entry.getKey()) - entry.getValue().offset());
                    }
                }
                lag.put(group.groupId(), groupLag);
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read consumer lag: " + e.getMessage(), e);
        }
    }

    /** The records ever written to a topic: the sum of its partitions' end offsets (partitions read once). */
    public long endOffsets(String topic) {
        try {
            return ends(partitions(topic)).values().stream().mapToLong(Long::longValue).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the end offsets of " + topic + ": " + e.getMessage(), e);
        }
    }

    /** The topic's partitions, asked of the broker once. */
    private List<TopicPartition> partitions(String topic) throws Exception {
        List<TopicPartition> partitions = partitionsByTopic.get(topic);
        if (partitions == null) {
            partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            partitionsByTopic.put(topic, partitions);
        }
        return partitions;
    }

    private Map<TopicPartition, Long> ends(Collection<TopicPartition> partitions) throws Exception {
        return offsets(partitions, OffsetSpec.latest());
    }

    private Map<TopicPartition, Long> starts(Collection<TopicPartition> partitions) throws Exception {
        return offsets(partitions, OffsetSpec.earliest());
    }

    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec)
            throws Exception {
        Map<TopicPartition, OffsetSpec> asked = new HashMap<>();
        partitions.forEach(partition -> asked.put(partition, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(asked).all().get(10, TimeUnit.SECONDS)
                .forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    /**
     * {@link #byGroup(String)}, or empty when the broker did not answer within 10 s: a busy machine, matching
     * rebuilding its indexes, or a broker restarting in a fault scenario. A caller that polls asks again.
     */
    public Optional<Map<String, Long>> byGroupIfAnswered(String topic) {
        try {
            return Optional.of(byGroup(topic));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** Waits until every group has caught up; answers the seconds it took, or -1 if it did not within the limit. */
    public double awaitZero(int limitSeconds) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(limitSeconds);
        while (System.nanoTime() < deadline) {
            if (byGroupIfAnswered(null).filter(lag -> lag.values().stream().allMatch(behind -> behind == 0))
                    .isPresent()) {
                return (System.nanoTime() - start) / 1e9;
            }
            Thread.sleep(500);
        }
        return -1;
    }

    @Override
    public void close() {
        admin.close();
    }
}
