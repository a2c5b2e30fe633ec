package cn.innovationchina.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Kafka's own tools on the same broker, so the platform's figures stand beside the raw limit of this machine: the
 * producer's throughput ({@code ProducerPerformance}, acks=all) and one record's end-to-end latency
 * ({@code EndToEndLatency}). Each runs in its own JVM, as {@code kafka-producer-perf-test.sh} would.
 */
final class KafkaBaseline {

    private KafkaBaseline() {
    }

    static List<String> measure(String bootstrap, int records, int recordBytes) throws IOException,
            InterruptedException {
        List<String> lines = new ArrayList<>();
        lines.add("kafka-producer-perf-test, " + records + " records of " + recordBytes + " B, acks=all:");
        lines.addAll(lastLines(run("org.apache.kafka.tools.ProducerPerformance", "--topic", "load.producer-perf",
                "--num-records", String.valueOf(records), "--record-size", String.valueOf(recordBytes),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all"), 1));
        int latencyRecords = Math.max(1000, records / 20);
        lines.add("kafka-e2e-latency, " + latencyRecords + " records of " + recordBytes + " B, acks=all, one at a time:");
        lines.addAll(lastLines(run("org.apache.kafka.tools.EndToEndLatency", "--bootstrap-server", bootstrap,
                "--topic", "load.e2e-latency", "--num-records", String.valueOf(latencyRecords), "--producer-acks",
                "all", "--record-size", String.valueOf(recordBytes)), 2));
        return lines;
    }

    private static List<String> run(String main, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp",
                System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(main + " failed:\n" + output);
        }
        return output.lines().filter(line -> !line.isBlank()).toList();
    }

    private static List<String> lastLines(List<String> lines, int count) {
        return lines.subList(Math.max(0, lines.size() - count), lines.size()).stream().map(l -> "  " + l).toList();
    }
}
