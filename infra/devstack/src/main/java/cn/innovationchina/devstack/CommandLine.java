package cn.innovationchina.devstack;

import java.nio.file.Path;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.devstack.demo.DemoWorld;
import cn.innovationchina.devstack.ports.Ports;

/**
 * {@code DevStack REPO_ROOT [--infra-only] [--data DIR] [--kafka-port N] [--mongo-port N] [--port-base N]
 * [--instances SERVICE=N,...] [--keycloak] [--stop-with-parent] [--empty | [--demo] [--providers N] [--demands N]]}:
 * what to start and the demo world to load into it once it is up, so a first start shows a working world;
 * {@code --empty} loads none (as {@code --infra-only} does), {@code --demo} only says the default aloud.
 * {@code --keycloak} makes Keycloak the issuer instead of the development one; the demo world's loader signs with the
 * development key, which that stack does not trust, so it starts empty. {@code --stop-with-parent} stops the stack
 * when the process that started it ends (a test JVM that died).
 */
record CommandLine(DevStack.Options options, DemoWorld.@Nullable Options demo, boolean stopWithParent) {

    static CommandLine parse(String[] args) {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        var standard = DevStack.Options.standard(root);
        Path data = standard.data();
        int kafkaPort = standard.kafkaPort();
        int mongoPort = standard.mongoPort();
        boolean infraOnly = false;
        int portBase = Ports.DEFAULT_PORT_BASE;
        Map<String, Integer> instances = Map.of();
        boolean empty = false;
        boolean demoNamed = false;
        int providers = DemoWorld.WORLD_PROVIDERS;
        int demands = Integer.MAX_VALUE;
        boolean keycloak = false;
        boolean stopWithParent = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--infra-only" -> infraOnly = true;
                case "--data" -> data = Path.of(args[++i]).toAbsolutePath();
                case "--kafka-port" -> kafkaPort = Integer.parseInt(args[++i]);
                case "--mongo-port" -> mongoPort = Integer.parseInt(args[++i]);
                case "--port-base" -> portBase = Integer.parseInt(args[++i]);
                case "--instances" -> instances = DevStack.instanceCounts(args[++i]);
                case "--empty" -> empty = true;
                case "--demo" -> demoNamed = true;
                case "--providers" -> providers = Integer.parseInt(args[++i]);
                case "--demands" -> demands = Integer.parseInt(args[++i]);
                case "--keycloak" -> keycloak = true;
                case "--stop-with-parent" -> stopWithParent = true;
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        if (demoNamed && (infraOnly || empty)) {
            throw new IllegalArgumentException("--demo needs the services and loads the demo world: it cannot go with "
                    + (empty ? "--empty" : "--infra-only"));
        }
        if (demoNamed && keycloak) {
            throw new IllegalArgumentException("--demo loads the demo world with development tokens, which a stack "
                    + "with --keycloak does not trust: it starts empty");
        }
        boolean demo = !empty && !infraOnly && !keycloak;
        var options = new DevStack.Options(root, data, kafkaPort, mongoPort, infraOnly, portBase, instances, false,
                keycloak, standard.inMemoryMongoHeap(), standard.compilers());
        return new CommandLine(options, demo ? new DemoWorld.Options(null, portBase,
                SigningKey.privateKey(data), providers, demands) : null, stopWithParent);
    }
}
