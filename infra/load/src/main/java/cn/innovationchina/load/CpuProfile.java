package cn.innovationchina.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the services spend CPU during one step: a Java Flight Recorder recording of each service, started and stopped
 * with {@code jcmd}, summed by the code that was on the CPU. Each sample counts for the package family of its first
 * frame outside the JDK (Mongo driver, Kafka client, Jackson, Netty ...) and for the platform's own method nearest
 * the top, so
 * "what costs CPU per demand" has an answer in the platform's words and in the libraries'.
 */
final class CpuProfile {

    private static final String RECORDING = "load";
    /** Package prefixes grouped under one name, first match wins. */
    private static final List<String[]> FAMILIES = List.of(
            new String[] {"com.mongodb", "Mongo driver"}, new String[] {"org.bson", "Mongo driver (BSON)"},
            new String[] {"org.apache.kafka", "Kafka client"}, new String[] {"tools.jackson", "Jackson"},
            new String[] {"com.fasterxml.jackson", "Jackson"}, new String[] {"io.netty", "Netty"},
            new String[] {"reactor.netty", "Reactor Netty"}, new String[] {"reactor.", "Reactor"},
            new String[] {"org.apache.lucene", "Lucene"}, new String[] {"org.springframework.security", "Spring Security"},
            new String[] {"org.springframework.cloud.gateway", "Spring Cloud Gateway"},
            new String[] {"org.springframework.cloud.stream", "Spring Cloud Stream"},
            new String[] {"org.springframework", "Spring (other)"}, new String[] {"io.micrometer", "Micrometer"},
            new String[] {"io.opentelemetry", "OpenTelemetry"}, new String[] {"com.nimbusds", "JWT (Nimbus)"},
            new String[] {"org.h2", "H2 (the Mongo stand-in's store)"},
            new String[] {"de.bwaldvogel", "mongo-java-server (the Mongo stand-in)"},
            new String[] {"kafka.", "Kafka broker"},
            new String[] {"cn.innovationchina", "platform code"});

    private final Map<String, Long> pids;
    private final Path folder;

    CpuProfile(Map<String, Long> pids, Path folder) {
        this.pids = pids;
        this.folder = folder;
    }

    void start() throws IOException, InterruptedException {
        Files.createDirectories(folder);
        for (var service : pids.entrySet()) {
            jcmd(service.getValue(), "JFR.start", "name=" + RECORDING, "settings=profile",
                    "filename=" + folder.resolve(service.getKey() + ".jfr"));
        }
    }

    /** Stops every recording and answers, per service, its families and methods by share of samples. */
    List<String> stopAndSummarise() throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        for (var service : pids.entrySet()) {
            jcmd(service.getValue(), "JFR.stop", "name=" + RECORDING);
            lines.addAll(summarise(service.getKey(), folder.resolve(service.getKey() + ".jfr")));
        }
        return lines;
    }

    private static List<String> summarise(String service, Path recording) throws IOException {
        Map<String, Long> families = new HashMap<>();
        Map<String, Long> ownMethods = new HashMap<>();
        long samples = 0;
        for (var event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                    || event.getStackTrace().getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            families.merge(family(frames), 1L, Long::sum);
            frames.stream().map(frame -> frame.getMethod().getType().getName() + "." + frame.getMethod().getName())
                    .filter(name -> name.startsWith("cn.innovationchina")).findFirst()
                    .ifPresent(method -> ownMethods.merge(method.replace("cn.innovationchina.", ""), 1L, Long::sum));
        }
        List<String> lines = new ArrayList<>();
        lines.add("  %s: %d samples (recording %s)".formatted(service, samples, recording.getFileName()));
        lines.add("    on the CPU: " + top(families, samples, 8));
        lines.add("    under the platform's: " + top(ownMethods, samples, 6));
        return lines;
    }

    /** The family of the first frame outside the JDK: who asked for the work (a regex, a copy, a lock) counts. */
    private static String family(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                return family(type);
            }
        }
        return "JDK (own threads)";
    }

    private static String family(String type) {
        for (String[] family : FAMILIES) {
            if (type.startsWith(family[0])) {
                return family[1];
            }
        }
        return "other (" + type.substring(0, Math.max(0, type.lastIndexOf('.'))) + ")";
    }

    private static String top(Map<String, Long> counts, long total, int limit) {
        if (total == 0) {
            return "-";
        }
        return String.join(", ", counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .map(e -> "%s %.0f%%".formatted(e.getKey(), 100.0 * e.getValue() / total)).toList());
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid)));
        args.addAll(List.of(command));
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + String.join(" ", command) + " failed: " + output);
        }
    }
}
