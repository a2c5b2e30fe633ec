package cn.innovationchina.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClients;

/** Runs the devstack as a user does (its own process, then Ctrl-C), on free ports and a scratch data folder. */
class DevStackTest {

    @TempDir
    Path data;

    @Test
    void the_infrastructure_starts_answers_kafkas_own_cli_keeps_its_data_and_ctrl_c_leaves_no_process() throws Exception {
        int kafkaPort = freePort();
        int mongoPort = freePort();

        try (var stack = Launched.start(data, kafkaPort, mongoPort)) {
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

        try (var restarted = Launched.start(data, kafkaPort, mongoPort)) {
            assertThat(kafkaCli(kafkaPort, "--list")).contains("demand.events");
            try (var mongo = MongoClients.create("mongodb://localhost:" + mongoPort)) {
                assertThat(mongo.getDatabase("devstack-test").getCollection("kept").countDocuments()).isOne();
            }
            restarted.interrupt();
        }
    }

    private static String kafkaCli(int kafkaPort, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.TopicCommand",
                "--bootstrap-server", "localhost:" + kafkaPort));
        command.addAll(List.of(arguments));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The launcher in its own JVM, as the devstack script starts it. */
    private static final class Launched implements AutoCloseable {

        private final Process process;
        private final StringBuilder output = new StringBuilder();
        private final List<ProcessHandle> children;

        private Launched(Process process) throws Exception {
            this.process = process;
            var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            String line;
            while ((line = reader.readLine()) != null) {
                output.append(line).append('\n');
                if (line.contains("Press Ctrl-C") || System.nanoTime() > deadline) {
                    break;
                }
            }
            assertThat(output).as("launcher output").contains("Press Ctrl-C");
            children = process.descendants().toList();
            assertThat(children).as("kafka and mongo processes").hasSizeGreaterThanOrEqualTo(2);
        }

        static Launched start(Path data, int kafkaPort, int mongoPort) throws Exception {
            Path root = Path.of("../..").toAbsolutePath().normalize();
            assertThat(Files.exists(root.resolve("pom.xml"))).isTrue();
            var process = new ProcessBuilder(javaBinary(), "-Dorg.slf4j.simpleLogger.defaultLogLevel=error",
                    "-cp", System.getProperty("java.class.path"), DevStack.class.getName(), root.toString(),
                    "--infra-only", "--data", data.toString(), "--kafka-port", String.valueOf(kafkaPort),
                    "--mongo-port", String.valueOf(mongoPort))
                    .redirectErrorStream(true).start();
            return new Launched(process);
        }

        String output() {
            return output.toString();
        }

        /** What Ctrl-C sends. */
        void interrupt() throws Exception {
            new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher exits").isTrue();
            assertThat(children).as("processes left behind").noneMatch(ProcessHandle::isAlive);
        }

        @Override
        public void close() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
