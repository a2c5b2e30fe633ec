package cn.innovationchina.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keycloak 26 needs Java 21 or later: the devstack finds one, or says clearly that there is none. */
class KeycloakServerTest {

    @TempDir
    Path jvms;

    @Test
    void the_running_jdk_runs_keycloak_when_it_is_recent_enough() throws IOException {
        Path running = jdk("temurin-21", "21.0.7");
        jdk("temurin-25", "25.0.1");

        assertThat(KeycloakServer.javaHome(running, jvms)).isEqualTo(running);
    }

    @Test
    void an_older_running_jdk_gives_way_to_the_newest_recent_one_installed() throws IOException {
        Path running = jdk("java-17-openjdk", "17.0.15");
        jdk("temurin-21", "21.0.7");
        Path newest = jdk("temurin-25", "25.0.1");

        assertThat(KeycloakServer.javaHome(running, jvms)).isEqualTo(newest);
    }

    @Test
    void without_a_recent_jdk_the_start_fails_saying_which_java_keycloak_needs() throws IOException {
        Path running = jdk("java-17-openjdk", "17.0.15");

        assertThatThrownBy(() -> KeycloakServer.javaHome(running, jvms)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Keycloak needs Java 21 or later").hasMessageContaining(jvms.toString());
    }

    private Path jdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(jvms.resolve(name));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }
}
