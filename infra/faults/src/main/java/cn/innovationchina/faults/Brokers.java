package cn.innovationchina.faults;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The broker as the scenarios ask about it: end offsets, who consumes a topic, dead letters, and rewinds. */
final class Brokers implements AutoCloseable {

    private final Admin admin;

    Brokers(String bootstrap) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /** Records ever appended to a topic (the sum of its partitions' end offsets; 0 if it does not exist). */
    long appended(String topic) throws Exception {
        if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic)) {
            return 0;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                .mapToLong(info -> info.offset()).sum();
    }

    /** The consumer groups with committed offsets on a topic. */
    Set<String> groupsConsuming(String topic) throws Exception {
        Set<String> groups = new java.util.TreeSet<>();
        for (var group : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
            var committed = admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            if (committed.keySet().stream().anyMatch(p -> p.topic().equals(topic))) {
                groups.add(group.groupId());
            }
        }
        return groups;
    }

    /** Each dead-letter topic of a topic ({@code <topic>.<group>.dlq}) with its records so far. */
    Map<String, Long> deadLetters(String topic) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        for (String name : admin.listTopics().names().get(10, TimeUnit.SECONDS)) {
            if (name.startsWith(topic + ".") && name.endsWith(".dlq")) {
                counts.put(name, appended(name));
            }
        }
        return counts;
    }

    /**
     * Moves the committed offsets of every group whose name starts with one of the prefixes back to the start of
     * each partition; the groups must have no members. Answers how many records each group will read again.
     */
    Map<String, Long> rewindToStart(Set<String> prefixes) throws Exception {
        Map<String, Long> rewound = new TreeMap<>();
        for (var group : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
            if (prefixes.stream().noneMatch(prefix -> group.groupId().startsWith(prefix))) {
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            var earliest = admin.listOffsets(committed.keySet().stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest()))).all().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            long records = 0;
            for (var entry : committed.entrySet()) {
                long first = earliest.get(entry.getKey()).offset();
                start.put(entry.getKey(), new OffsetAndMetadata(first));
                records += entry.getValue() == null ? 0 : entry.getValue().offset() - first;
            }
            admin.alterConsumerGroupOffsets(group.groupId(), start).all().get(30, TimeUnit.SECONDS);
            rewound.put(group.groupId(), records);
        }
        return rewound;
    }

    @Override
    public void close() {
        admin.close();
    }
}
