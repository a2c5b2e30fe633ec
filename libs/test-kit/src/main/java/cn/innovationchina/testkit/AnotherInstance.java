package cn.innovationchina.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.utils.Utils;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second instance of the service under test, started beside the {@link ServiceTest}'s own on the same
 * {@link RealInfrastructure}, for scale-out scenarios: both share consumer groups, partitions and databases.
 */
public final class AnotherInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private AnotherInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts the application on a random port; {@code properties} are {@code name=value} pairs for this one. */
    public static AnotherInstance of(Class<?> application, String... properties) {
        String[] args = Stream.concat(Stream.of("server.port=0"), Stream.of(properties)).map(p -> "--" + p)
                .toArray(String[]::new);
        return new AnotherInstance(new SpringApplicationBuilder(application).run(args));
    }

    /** Where its HTTP API listens. */
    public String url() {
        return "http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port");
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Waits until the consumer group has spread the topic's partitions over this many members. */
    public static void awaitPartitionsSharedBy(int members, String group, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.get().kafkaBootstrapServers()))) {
            Eventually.awaitState(topic + " shared by " + members + " members of " + group,
                    () -> owners(admin.describeConsumerGroups(List.of(group)).all().get().get(group)
                            .members(), topic), owners -> owners == members);
        }
    }

    private static long owners(Collection<MemberDescription> members, String topic) {
        return members.stream().filter(member -> member.assignment().topicPartitions().stream()
                .anyMatch(partition -> partition.topic().equals(topic))).count();
    }

    /**
     * Keys ({@code d-<n>-<suffix>}) whose records land on every partition, one each, hence on every instance that
     * shares the topic.
     */
    public static List<String> oneKeyPerPartition(String suffix) {
        List<String> keys = new ArrayList<>();
        boolean[] covered = new boolean[RealInfrastructure.PARTITIONS];
        for (int i = 0; keys.size() < covered.length; i++) {
            String key = "d-" + i + "-" + suffix;
            int partition = partitionOf(key);
            if (!covered[partition]) {
                covered[partition] = true;
                keys.add(key);
            }
        }
        return keys;
    }

    /** The partition Kafka's default partitioner gives a record key. */
    public static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8)))
                % RealInfrastructure.PARTITIONS;
    }

    @Override
    public void close() {
        context.close();
    }
}
