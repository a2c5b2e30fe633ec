package cn.innovationchina.load;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    public ConsumerLag(String bootstrap) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /** Lag by consumer group, over every group the broker knows but the broadcast ones. */
    public Map<String, Long> byGroup() {
        return byGroup(null);
    }

    /** Lag by consumer group on one topic, over the groups that read it; every topic if {@code topic} is null. */
    public Map<String, Long> byGroup(String topic) {
        try {
            Map<String, Long> lag = new TreeMap<>();
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
                }
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
                long groupLag = 0;
                for (var entry : committed.entrySet()) {
                    if (entry.getValue() != null) {
                        groupLag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
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

    /** The records ever written to a topic: the sum of its partitions' end offsets. */
    public long endOffsets(String topic) {
        try {
            var description = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()),
                    OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the end offsets of " + topic + ": " + e.getMessage(), e);
        }
    }

    public long total() {
        return byGroup().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Waits until every group has caught up; answers the seconds it took, or -1 if it did not within the limit. */
    public double awaitZero(int limitSeconds) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(limitSeconds);
        while (System.nanoTime() < deadline) {
            try {
                if (total() == 0) {
                    return (System.nanoTime() - start) / 1e9;
                }
            } catch (IllegalStateException e) {
                // the broker may be restarting in a fault scenario: ask again
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
