package cn.innovationchina.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClients;

import cn.innovationchina.devstack.ports.FreePorts;

/** Runs the devstack as a user does (its own process, then Ctrl-C), on free ports and a scratch data folder. */
class DevStackTest {

    @TempDir
    Path data;

    @Test
    void the_infrastructure_starts_answers_kafkas_own_cli_keeps_its_data_and_ctrl_c_leaves_no_process() throws Exception {
        int kafkaPort = FreePorts.run(3);
        int mongoPort = kafkaPort + 2;

        try (var stack = start(data, kafkaPort, mongoPort)) {
            assertThat(kafkaCli(kafkaPort, "--create", "--topic", "demand.events", "--partitions", "3"))
                    .contains("Created topic demand.events");
            assertThat(kafkaCli(kafkaPort, "--list")).contains("demand.events");
            try (var mongo = MongoClients.create("mongodb://localhost:" + mongoPort)) {
                mongo.getDatabase("devstack-test").getCollection("kept").insertOne(new Document("_id", "survivor"));
            }
            assertThat(stack.output()).contains("Kafka and the Mongo wire server are ready")
                    .containsPattern("resident memory is \\d+ MB");
            stack.interrupt();
        }

        try (var restarted = start(data, kafkaPort, mongoPort)) {
            assertThat(kafkaCli(kafkaPort, "--list")).contains("demand.events");
            try (var mongo = MongoClients.create("mongodb://localhost:" + mongoPort)) {
                assertThat(mongo.getDatabase("devstack-test").getCollection("kept").countDocuments()).isOne();
            }
            restarted.interrupt();
        }
    }

    @Test
    void further_instances_of_a_service_are_asked_for_by_name_and_count() {
        assertThat(DevStack.instanceCounts("matching-service=2,notification-service=3"))
                .containsExactly(entry("matching-service", 2), entry("notification-service", 3));
        assertThatThrownBy(() -> DevStack.instanceCounts("matching-service=0"))
                .hasMessageContaining("SERVICE=N,... with N >= 1, not matching-service=0");
        assertThatThrownBy(() -> DevStack.instanceCounts("matching-service"))
                .hasMessageContaining("not matching-service");
    }

    private static LaunchedStack start(Path data, int kafkaPort, int mongoPort) throws Exception {
        return LaunchedStack.start(data, Duration.ofSeconds(90), "--infra-only", "--kafka-port",
                String.valueOf(kafkaPort), "--mongo-port", String.valueOf(mongoPort));
    }

    private static String kafkaCli(int kafkaPort, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(LaunchedStack.javaBinary(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.TopicCommand",
                "--bootstrap-server", "localhost:" + kafkaPort));
        command.addAll(List.of(arguments));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }
}
