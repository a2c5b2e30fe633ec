package cn.innovationchina.quality;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import cn.innovationchina.devstack.DevStack;
import cn.innovationchina.devstack.demo.DevTokens;
import cn.innovationchina.devstack.demo.Platform;
import cn.innovationchina.testkit.quality.LabelledSet;
import cn.innovationchina.testkit.quality.QualityFigures;

/**
 * The matching quality of the whole platform, end to end: for each labelled set, starts an empty devstack of its own
 * (fresh data under {@code infra/quality/target/stack}, ports from the port base), loads the set through the
 * gateway's public API ({@link ThroughTheGateway}), waits until matching has read every provider event
 * ({@link ProviderEventsRead}), publishes each demand and reads its match list over HTTP, then measures the lists
 * with {@link QualityFigures} and prints one {@code quality:} line per set. The report is also written to
 * {@code infra/quality/target/quality-report.txt}. The stack is stopped at the end, and on Ctrl-C.
 *
 * <p>Usage: {@code EndToEndQuality REPO_ROOT [--set first|second|third|third-traditional|fourth|all]
 * [--port-base 6080] [--parallel 6] [--match-timeout 90]}.
 */
public final class EndToEndQuality {

    /** Where each set's files are, from the repository's root, in the order {@code --set all} measures them. */
    static final Map<String, String> SETS = sets();

    private static Map<String, String> sets() {
        Map<String, String> sets = new LinkedHashMap<>();
        sets.put("first", "services/matching-service/src/test/resources/quality/set");
        sets.put("second", "infra/quality/sets/second");
        sets.put("third", "infra/quality/sets/third");
        sets.put("third-traditional", "infra/quality/sets/third-traditional");
        sets.put("fourth", "infra/quality/sets/fourth");
        return Collections.unmodifiableMap(sets);
    }

    /** A demand below this nDCG@10 is listed with its first five. */
    static final double WEAK = 0.6;

    record Options(Path root, List<String> sets, int portBase, int parallel, Duration matchTimeout) {

        static Options parse(String[] args) {
            Path root = Path.of(args[0]).toAbsolutePath().normalize();
            List<String> sets = List.of("first");
            int portBase = 6080;
            int parallel = 6;
            int matchTimeout = 90;
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--set" -> {
                        String set = args[++i];
                        if (!set.equals("all") && !SETS.containsKey(set)) {
                            throw new IllegalArgumentException("--set takes " + String.join(", ", SETS.keySet())
                                    + " or all, not " + set);
                        }
                        sets = set.equals("all") ? List.copyOf(SETS.keySet()) : List.of(set);
                    }
                    case "--port-base" -> portBase = Integer.parseInt(args[++i]);
                    case "--parallel" -> parallel = Integer.parseInt(args[++i]);
                    case "--match-timeout" -> matchTimeout = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("Unknown option " + args[i] + " (--set "
                            + String.join("|", SETS.keySet()) + "|all --port-base N --parallel N"
                            + " --match-timeout SECONDS)");
                }
            }
            return new Options(root, sets, portBase, parallel, Duration.ofSeconds(matchTimeout));
        }
    }

    private final Options options;
    private final List<String> report = new ArrayList<>();
    private final AtomicReference<DevStack> running = new AtomicReference<>();

    private EndToEndQuality(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        new EndToEndQuality(Options.parse(args)).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            DevStack stack = running.get();
            if (stack != null) {
                stack.stop();
            }
        }, "quality-stop"));
        Path target = options.root().resolve("infra/quality/target");
        Map<String, QualityFigures> measured = new LinkedHashMap<>();
        try {
            for (String name : options.sets()) {
                measured.put(name, measure(name, target));
            }
            if (measured.size() > 1) {
                print(QualityFigures.acrossSets(measured));
            }
        } finally {
            Files.createDirectories(target);
            Path file = target.resolve("quality-report.txt");
            Files.write(file, report, StandardCharsets.UTF_8);
            log("The report is in %s", options.root().relativize(file));
        }
    }

    private QualityFigures measure(String name, Path target) throws Exception {
        Path folder = options.root().resolve(SETS.get(name));
        var set = LabelledSet.readFolder(folder);
        var requests = new ApiRequests(set, LocalDate.now(ZoneOffset.UTC));
        Path data = target.resolve("stack").resolve(name);
        log("Set %s: %d demands, %d providers, %d judgements from %s; starting an empty platform (ports from %d) ...",
                name, set.demands().size(), set.providers().size(), set.judgements().size(),
                options.root().relativize(folder), options.portBase());
        DevStack stack = DevStack.up(DevStack.Options.scratch(options.root(), data, options.portBase(), Map.of(),
                true));
        running.set(stack);
        try (var gateway = new ThroughTheGateway(new Platform(stack.gateway(), options.portBase()),
                new DevTokens(stack.signingKey()), options.parallel())) {
            long start = System.nanoTime();
            gateway.loadProviders(requests.providers());
            double loaded = seconds(start);
            log("%d providers loaded through the gateway in %.1f s; waiting for matching to read their %d events ...",
                    set.providers().size(), loaded, gateway.providerEvents());
            var look = ProviderEventsRead.await(stack.kafkaBootstrap(), gateway.providerEvents(),
                    Duration.ofMinutes(5));
            double read = seconds(start);
            log("Matching has read them (%.1f s); publishing %d demands ...", read, set.demands().size());
            gateway.registerEnterprises(requests.enterprises());
            var rankings = gateway.rankings(requests.demands(), options.matchTimeout());
            double ranked = seconds(start);
            var figures = QualityFigures.measure(set, rankings);
            print("");
            print(String.format(Locale.ROOT, "set %s (%s): %d demands, %d providers, %d judgements", name,
                    options.root().relativize(folder), set.demands().size(), set.providers().size(),
                    set.judgements().size()));
            print(String.format(Locale.ROOT, "loaded through the gateway: %d providers in %.1f s; matching had read "
                    + "their %d events at %.1f s (%s); %d enterprises and %d demands published, %d match lists read "
                    + "at %.1f s", set.providers().size(), loaded, gateway.providerEvents(), read, look,
                    requests.enterprises().size(), set.demands().size(), rankings.size(), ranked));
            requests.adaptations().forEach((what, count) -> print("  adapted to the APIs: " + what + " x" + count));
            QualityReport.lines(figures, WEAK).forEach(this::print);
            print(figures.line(name));
            return figures;
        } finally {
            stack.stop();
            running.set(null);
        }
    }

    private void print(String line) {
        System.out.println(line);
        report.add(line);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void log(String format, Object... args) {
        System.out.println("[quality] " + format.formatted(args));
    }
}
