package cn.innovationchina.faults;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cn.innovationchina.devstack.DevStack;
import cn.innovationchina.devstack.demo.DevTokens;
import cn.innovationchina.devstack.demo.LoadData;
import cn.innovationchina.devstack.demo.Platform;
import cn.innovationchina.load.ConsumerLag;
import cn.innovationchina.load.EventProbe;
import cn.innovationchina.load.HarnessHttp;
import cn.innovationchina.load.Observations;
import cn.innovationchina.load.Seeding;

/**
 * Scripted failures on a platform of its own, each while demands stream in through the gateway, each ending with a
 * verdict on the promises: every published demand has its events and exactly one inbox entry about its matches,
 * nothing is done twice, and the consumers catch up. The stack runs two instances of matching-service and of
 * notification-service, so partitions move between instances when one stops.
 *
 * <p>Usage: {@code Faults REPO_ROOT [--scenarios NAME,...] [--rate 3] [--providers 2000] [--enterprises 20]
 * [--port-base 6080]}; the scenarios are {@value Scenario#ALL}, and kill-SERVICE for one service of kill-services.
 */
public final class Faults {

    private final ProcessFaults processes;
    private final MalformedRecords malformed;
    private final SlowWebhook slowWebhook;
    private final Rewind rewind;

    private Faults(Harness harness, DemandStream stream) {
        this.processes = new ProcessFaults(harness.stack(), stream);
        this.malformed = new MalformedRecords(harness, stream);
        this.slowWebhook = new SlowWebhook(harness, stream);
        this.rewind = new Rewind(harness);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        List<String> scenarios = Arrays.asList(Scenario.ALL.split(","));
        // About half the knee measured by infra/load (docs/benchmarks.md), and enough providers for every match.
        int rate = 3;
        int providers = 2_000;
        int enterprises = 20;
        int portBase = 6080;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--scenarios" -> scenarios = Arrays.asList(args[++i].split(","));
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--providers" -> providers = Integer.parseInt(args[++i]);
                case "--enterprises" -> enterprises = Integer.parseInt(args[++i]);
                case "--port-base" -> portBase = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + " (--scenarios " + Scenario.ALL + " --rate N --providers N --enterprises N --port-base N)");
            }
        }
        // A misspelt scenario is refused before the stack starts, not after the ones before it ran.
        scenarios.forEach(Scenario::of);
        Path target = root.resolve("infra/faults/target");
        Path data = target.resolve("stack");
        log("Starting the platform (two instances of matching and notification; data in %s) ...",
                root.relativize(data));
        DevStack stack = DevStack.up(DevStack.Options.scratch(root, data, portBase,
                Map.of("matching-service", 2, "notification-service", 2), true));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "faults-stop"));
        List<Verdict> verdicts = new ArrayList<>();
        var http = HarnessHttp.client();
        var seen = new Observations();
        try (var lag = new ConsumerLag(stack.kafkaBootstrap()); var brokers = new Brokers(stack.kafkaBootstrap());
                var effects = new Effects(stack.mongoUri(), seen)) {
            var tokens = new DevTokens(stack.signingKey());
            log("%d providers imported in %.1f s", providers,
                    Seeding.importProviders(http, stack.gateway(), tokens, providers));
            lag.awaitZero(900);
            var loadData = new LoadData(enterprises);
            var platform = new Platform(stack.gateway(), portBase);
            var enterpriseTokens = Seeding.registerEnterprises(platform, tokens, loadData);
            try (var probe = new EventProbe(stack.kafkaBootstrap(), seen)) {
                var harness = new Harness(stack, http, seen, effects, lag, brokers, platform, tokens,
                        enterpriseTokens);
                var faults = new Faults(harness, DemandStream.of(harness, rate, providers, loadData));
                for (String name : scenarios) {
                    log("Scenario %s ...", name);
                    for (Scenario scenario : Scenario.of(name)) {
                        Verdict verdict = faults.run(scenario);
                        System.out.print(verdict.text());
                        verdicts.add(verdict);
                    }
                }
            }
        } finally {
            List<String> lines = new ArrayList<>();
            verdicts.forEach(v -> lines.add(v.text()));
            lines.add("%d of %d promises kept".formatted(verdicts.stream().filter(Verdict::kept).count(),
                    verdicts.size()));
            Files.write(target.resolve("fault-verdicts.txt"), lines, StandardCharsets.UTF_8);
            System.out.println(lines.get(lines.size() - 1));
            stack.stop();
        }
        System.exit(verdicts.stream().allMatch(Verdict::kept) ? 0 : 1);
    }

    private Verdict run(Scenario scenario) throws Exception {
        return switch (scenario.kind()) {
            case KILL -> processes.killAndRestart(scenario.process());
            case BROKER_DOWN -> processes.brokerDown();
            case PAUSE_CONSUMER -> processes.pauseConsumer();
            case MALFORMED -> malformed.run();
            case SLOW_WEBHOOK -> slowWebhook.run();
            case REWIND -> rewind.run();
        };
    }

    static void log(String format, Object... args) {
        System.out.println("[faults] " + format.formatted(args));
    }
}
