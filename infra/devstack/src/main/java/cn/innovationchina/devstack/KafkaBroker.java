package cn.innovationchina.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.Uuid;

/**
 * The stack's one Kafka broker (KRaft, broker and controller in one process) with its configuration and, the first
 * time, its formatted storage, all under the data folder; replication 1, three partitions a topic.
 */
final class KafkaBroker {

    private KafkaBroker() {
    }

    static void start(Processes processes, Path data, int kafkaPort, String classpath)
            throws IOException, InterruptedException {
        Path dir = data.resolve("kafka");
        Path config = data.resolve("kafka-server.properties");
        var properties = new Properties();
        properties.putAll(Map.of(
                "process.roles", "broker,controller",
                "node.id", "1",
                "controller.quorum.voters", "1@localhost:" + (kafkaPort + 1),
                "listeners", "PLAINTEXT://localhost:" + kafkaPort + ",CONTROLLER://localhost:" + (kafkaPort + 1),
                "advertised.listeners", "PLAINTEXT://localhost:" + kafkaPort,
                "controller.listener.names", "CONTROLLER",
                "log.dirs", dir.toString(),
                "num.partitions", "3",
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1"));
        properties.putAll(Map.of(
                "transaction.state.log.min.isr", "1",
                "share.coordinator.state.topic.replication.factor", "1",
                "share.coordinator.state.topic.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0",
                "auto.create.topics.enable", "true"));
        try (var out = Files.newBufferedWriter(config)) {
            properties.store(out, "written by the devstack");
        }
        if (!Files.exists(dir.resolve("meta.properties"))) {
            var format = new ProcessBuilder(processes.java(256, "-cp", classpath, "kafka.tools.StorageTool",
                    "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()))
                    .redirectErrorStream(true).redirectOutput(processes.logFile("kafka-format").toFile()).start();
            if (format.waitFor() != 0) {
                throw new IllegalStateException("Formatting Kafka storage failed: see " + data.resolve("logs"));
            }
        }
        processes.start("kafka", processes.java(512, "-cp", classpath, "kafka.Kafka", config.toString()),
                "localhost:" + kafkaPort, 0);
    }
}
