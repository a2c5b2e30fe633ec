package cn.innovationchina.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import cn.innovationchina.devstack.DevStack;
import cn.innovationchina.devstack.demo.DevTokens;

/**
 * New providers arriving on the filled platform, each reverse-matched against every open demand (ADR 0062). The fill
 * writes documents, not events, so matching is restarted first and rebuilds its indexes from the read models, as an
 * instance of a platform that had received those demands would hold them; then the providers are imported and timed
 * along their path as the first import was.
 */
final class ProvidersArriving {

    private static final String MATCHING = "matching-service";
    private static final String REBUILT = "Open demand index rebuilt";

    private ProvidersArriving() {
    }

    static List<String> run(DevStack stack, HttpClient http, DevTokens tokens, ConsumerLag lag, int from, int count,
            Supplier<Map<String, Long>> pids) throws Exception {
        String[] matching = stack.names().stream().filter(name -> name.startsWith(MATCHING)).toArray(String[]::new);
        Path log = stack.data().resolve("logs").resolve(MATCHING + ".log");
        long rebuiltBefore = rebuilds(log);
        long start = System.nanoTime();
        stack.restart(matching);
        double up = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (rebuilds(log) <= rebuiltBefore) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(MATCHING + " had not rebuilt its index of open demands after 5 min");
            }
            Thread.sleep(250);
        }
        List<String> lines = new ArrayList<>();
        lines.add("%s restarted on the filled platform: UP after %.1f s, its index of open demands rebuilt after %.1f s"
                .formatted(MATCHING, up, (System.nanoTime() - start) / 1e9) + " (" + lastRebuild(log) + ")");
        lines.add("Providers arriving on the filled platform, each reverse-matched against the open demands:");
        lines.addAll(ProviderImport.run(http, stack.gateway(), tokens, from, count, lag, pids.get(),
                ProviderImport.Consumers.UNTOUCHED));
        return lines;
    }

    private static long rebuilds(Path log) throws IOException {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(REBUILT)).count();
        }
    }

    private static String lastRebuild(Path log) throws IOException {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            String line = lines.filter(l -> l.contains(REBUILT)).reduce((first, second) -> second).orElse("");
            return line.substring(line.indexOf(REBUILT));
        }
    }
}
