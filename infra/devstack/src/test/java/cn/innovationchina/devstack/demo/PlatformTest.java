package cn.innovationchina.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

class PlatformTest {

    @Test
    void each_service_answers_at_its_own_port_or_under_its_route_on_the_gateway() {
        assertThat(new Platform(null, 8080).url("demand", "/demands/d-1/submit"))
                .isEqualTo("http://localhost:8081/demands/d-1/submit");
        assertThat(new Platform(null, 28080).url("monitoring", "/cities/ranking"))
                .isEqualTo("http://localhost:28085/cities/ranking");
        assertThat(new Platform("http://localhost:8080/", 8080).url("matching", "/demands/d-1/matches"))
                .isEqualTo("http://localhost:8080/api/matching/demands/d-1/matches");
    }

    @Test
    void the_gateways_rate_limit_is_waited_out_and_the_call_sent_again() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        var calls = new AtomicInteger();
        var gateway = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        gateway.createContext("/", exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"id\":\"dmd-1\"}".getBytes(StandardCharsets.UTF_8);
            if (calls.incrementAndGet() == 1) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                exchange.sendResponseHeaders(429, -1);
            } else {
                exchange.getResponseHeaders().add("ETag", "\"1\"");
                exchange.sendResponseHeaders(201, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        gateway.start();
        try {
            var platform = new Platform("http://localhost:" + gateway.getAddress().getPort(), 8080);

            var answer = platform.expectPost("demand", "/demands", "a-token", Map.of("title", "t"), null);

            assertThat(answer.body().path("id").asString()).isEqualTo("dmd-1");
            assertThat(answer.etag()).isEqualTo("\"1\"");
            assertThat(received).containsExactly("POST /api/demand/demands Bearer a-token",
                    "POST /api/demand/demands Bearer a-token");
        } finally {
            gateway.stop(0);
        }
    }
}
