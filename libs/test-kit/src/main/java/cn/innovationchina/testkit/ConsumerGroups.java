package cn.innovationchina.testkit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * What the broker knows of consumer groups. A group commits a record's offset only after its listener has handled
 * the record, so a committed offset past a record means every live member of the group has seen it.
 */
public final class ConsumerGroups {

    private ConsumerGroups() {
    }

    /**
     * Waits until every group named {@code prefix...} that has members (a live instance) has committed past the
     * record, e.g. each instance's own group that keeps its in-memory index.
     */
    public static void awaitLiveGroupsPast(String prefix, RecordMetadata record) {
        var partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.get().kafkaBootstrapServers()))) {
            Eventually.awaitState("live groups " + prefix + "* past " + partition + "@" + record.offset(),
                    () -> liveGroupsBehind(admin, prefix, partition, record.offset()), List::isEmpty);
        }
    }

    /**
     * Waits until {@code group} has committed every record the topics hold now, i.e. has handled everything sent to
     * them before this call: the signal for handlers that leave no marker of their own.
     */
    public static void awaitCaughtUp(String group, Collection<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.get().kafkaBootstrapServers()))) {
            Map<TopicPartition, Long> ends = endOffsets(admin, topics);
            Eventually.awaitState(group + " caught up with " + topics, () -> partitionsBehind(admin, group, ends),
                    List::isEmpty);
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, Collection<String> topics) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        answer(admin.describeTopics(topics).allTopicNames()).values().forEach(topic -> topic.partitions()
                .forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        answer(admin.listOffsets(latest).all()).forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    private static List<TopicPartition> partitionsBehind(Admin admin, String group, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, OffsetAndMetadata> committed = committed(admin, group);
        return ends.entrySet().stream().filter(end -> end.getValue() > 0)
                .filter(end -> committed.get(end.getKey()) == null
                        || committed.get(end.getKey()).offset() < end.getValue())
                .map(Map.Entry::getKey).toList();
    }

    private static List<String> liveGroupsBehind(Admin admin, String prefix, TopicPartition partition, long offset) {
        List<String> named = answer(admin.listConsumerGroups().all()).stream().map(g -> g.groupId())
                .filter(id -> id.startsWith(prefix)).toList();
        if (named.isEmpty()) {
            return List.of();
        }
        Map<String, ConsumerGroupDescription> described = answer(admin.describeConsumerGroups(named).all());
        List<String> behind = new ArrayList<>();
        for (String id : named) {
            OffsetAndMetadata committed = committed(admin, id).get(partition);
            if (!described.get(id).members().isEmpty() && (committed == null ? -1 : committed.offset()) <= offset) {
                behind.add(id);
            }
        }
        return behind;
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin, String group) {
        return answer(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
    }

    /** The broker's answer, waited for. */
    private static <T> T answer(KafkaFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
