package cn.innovationchina.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keycloak as the platform's issuer ({@code devstack up --keycloak}, ADR 0049): the server distribution the build
 * fetched from Maven and unpacked into {@code infra/devstack/target/keycloak}, started in development mode on its
 * port with an in-memory database, so every start imports the realms of {@code infra/keycloak} afresh (the folder
 * docker-compose imports too, linked as the distribution's import folder). The realm's redirect URIs name the
 * console's address from {@value #CONSOLE_URL}, which Keycloak resolves while importing. Keycloak 26 needs Java 21 or
 * later: the JVM running the devstack when it is one, else the newest under {@value #JVMS}.
 */
final class KeycloakServer {

    static final String NAME = "keycloak";
    static final String REALM = "innovation-china";
    /** The administrator of Keycloak's master realm, for its admin console. */
    static final String ADMIN = "admin";
    static final int JAVA_FEATURE = 21;
    private static final String CONSOLE_URL = "INNOVATION_CHINA_CONSOLE_URL";
    private static final String JVMS = "/usr/lib/jvm";
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final Path realms;
    private final long startedAt;

    private KeycloakServer(int port, Path realms, long startedAt) {
        this.port = port;
        this.realms = realms;
        this.startedAt = startedAt;
    }

    /** The issuer a token of the realm names, and from which the services find its keys. */
    static String issuer(int port) {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    static KeycloakServer start(Processes processes, Path root, int port, String console) throws IOException {
        ServiceLaunch.ensurePortFree(NAME, port);
        Path home = distribution(root);
        Path realms = root.resolve("infra/keycloak");
        linkImportFolder(home, realms);
        Path javaHome = javaHome(Path.of(System.getProperty("java.home")), Path.of(JVMS));
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                "--http-port=" + port, "--db=dev-mem");
        // The quick compiler alone: ready in 31 s instead of 42 s here, and 80 MB smaller. Unlike the stack's own
        // processes it does little after start (a sign-in now and then) for the optimising compiler to repay.
        processes.start(NAME, command, Map.of("JAVA_HOME", javaHome.toString(),
                "JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1",
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN, "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN,
                CONSOLE_URL, console), "http://localhost:" + port, 0);
        return new KeycloakServer(port, realms, System.nanoTime());
    }

    String issuer() {
        return issuer(port);
    }

    double secondsSinceStart() {
        return (System.nanoTime() - startedAt) / 1e9;
    }

    /** The URL table's lines: the admin console, and the users of the realm to sign in as. */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        notes.add("http://localhost:" + port + "/admin  (admin console: " + ADMIN + " / " + ADMIN + ")");
        notes.add("realm " + REALM + ", password demo for every user:");
        try (Stream<Path> files = Files.list(realms)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode user : JSON.readTree(Files.readString(file)).path("users")) {
                    notes.add("  %-22s %s%s".formatted(user.path("username").asString(),
                            user.path("attributes").path("role").path(0).asString(),
                            user.path("enabled").asBoolean(true) ? "" : " (disabled: Keycloak refuses it)"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return notes;
    }

    /** The unpacked distribution, {@code target/keycloak/keycloak-<version>} of the devstack's module. */
    private static Path distribution(Path root) throws IOException {
        Path unpacked = root.resolve("infra/devstack/target/keycloak");
        try (Stream<Path> dirs = Files.list(unpacked)) {
            return dirs.filter(dir -> Files.isExecutable(dir.resolve("bin/kc.sh"))).findFirst()
                    .orElseThrow(() -> notUnpacked(unpacked));
        } catch (NoSuchFileException e) {
            throw notUnpacked(unpacked);
        }
    }

    private static IllegalStateException notUnpacked(Path unpacked) {
        return new IllegalStateException("Keycloak's server is not unpacked in " + unpacked
                + ": build the devstack first (./mvnw -pl infra/devstack -am package -DskipTests)");
    }

    /**
     * Keycloak imports its {@code data/import} folder: that is {@code infra/keycloak} itself, so every stack imports
     * the same files and no stack's copy is left behind for another.
     */
    private static void linkImportFolder(Path home, Path realms) throws IOException {
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports.getParent());
        if (Files.isSymbolicLink(imports) && Files.readSymbolicLink(imports).equals(realms)) {
            return;
        }
        if (Files.isSymbolicLink(imports)) {
            Files.delete(imports);
        } else if (Files.isDirectory(imports)) {
            throw new IllegalStateException(imports + " is a folder of its own: remove it, the devstack links it to "
                    + realms);
        }
        try {
            Files.createSymbolicLink(imports, realms);
        } catch (FileAlreadyExistsException e) {
            // another stack linked it at the same moment, to the same folder
        }
    }

    /**
     * A JDK that runs Keycloak: the running one if it is recent enough, else the newest under {@code jvms}.
     *
     * @throws IllegalStateException naming what was found when there is none
     */
    static Path javaHome(Path running, Path jvms) throws IOException {
        if (feature(running).orElse(0) >= JAVA_FEATURE) {
            return running;
        }
        List<Path> candidates = jdksUnder(jvms);
        return candidates.stream().filter(home -> feature(home).orElse(0) >= JAVA_FEATURE)
                .max(Comparator.comparingInt(home -> feature(home).orElse(0)))
                .orElseThrow(() -> new IllegalStateException("Keycloak needs Java " + JAVA_FEATURE
                        + " or later, and the devstack runs on " + running + " (Java " + feature(running).orElse(0)
                        + ") with none under " + jvms + " (" + candidates + "): install one, e.g. a Temurin JDK 21 or"
                        + " 25, under " + jvms));
    }

    private static List<Path> jdksUnder(Path jvms) throws IOException {
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java"))).sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /** The Java feature release of a JDK by its {@code release} file (25 for 25.0.1). */
    private static Optional<Integer> feature(Path home) {
        try {
            Matcher version = JAVA_VERSION.matcher(Files.readString(home.resolve("release")));
            return version.find() ? Optional.of(Integer.parseInt(version.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
