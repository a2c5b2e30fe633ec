package cn.innovationchina.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Waits until a process is ready: Kafka answers its admin API, a service's health check says UP, the Mongo wire
 * server listens, Keycloak publishes its realm's OpenID configuration. A process that exits meanwhile ends the wait
 * at once, naming its log.
 */
final class Readiness {

    private static final int HEALTH_PATIENCE_SECONDS = 600;
    private static final int KAFKA_PATIENCE_SECONDS = 180;

    private final Processes processes;

    Readiness(Processes processes) {
        this.processes = processes;
    }

    void awaitKafka(int kafkaPort) throws InterruptedException {
        // A broker restarted after kill -9 recovers its logs first; on a loaded machine that took more than 60 s.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(KAFKA_PATIENCE_SECONDS);
        while (System.nanoTime() < deadline) {
            try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + kafkaPort,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                    3000))) {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                processes.ensureAlive("kafka");
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("Kafka did not start within " + KAFKA_PATIENCE_SECONDS + " s: see "
                + processes.logFile("kafka"));
    }

    void awaitHealthy(String name, int port) throws InterruptedException {
        awaitAnswer(name, "http://localhost:" + port + "/actuator/health",
                response -> response.statusCode() == 200 && response.body().contains("\"UP\""), "UP");
    }

    /** Keycloak is ready once its realm is imported: the realm's OpenID configuration then answers 200. */
    void awaitKeycloak(String issuer) throws InterruptedException {
        // Its first start in development mode also builds the server (about 40 s here): as patient as with services.
        awaitAnswer(KeycloakServer.NAME, issuer + "/.well-known/openid-configuration",
                response -> response.statusCode() == 200, "ready");
    }

    /**
     * Asks the process's address until its answer says it is ready. Five Spring Boot services starting together on
     * two busy cores took 140 s here, and more than 300 s while other agents' stacks and builds held the machine at a
     * load average of 30 to 50: give each 600 s.
     */
    private void awaitAnswer(String name, String address, Predicate<HttpResponse<String>> ready, String state)
            throws InterruptedException {
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        var request = HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HEALTH_PATIENCE_SECONDS);
        while (System.nanoTime() < deadline) {
            try {
                if (ready.test(client.send(request, HttpResponse.BodyHandlers.ofString()))) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            processes.ensureAlive(name);
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not " + state + " within " + HEALTH_PATIENCE_SECONDS
                + " s: see " + processes.logFile(name));
    }

    void awaitPort(String name, int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", port), 500);
                return;
            } catch (IOException e) {
                processes.ensureAlive(name);
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException(name + " did not listen on " + port + ": see " + processes.logFile(name));
    }
}
