package cn.innovationchina.gateway.scenarios;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.testkit.Tokens;

/** The five services, played by {@link FakeService}s started once per test JVM, and the gateway's settings for them. */
final class Platform {

    static final Map<String, FakeService> SERVICES = new LinkedHashMap<>();

    static {
        for (String service : new String[] {"demand", "expert", "matching", "notification", "monitoring"}) {
            SERVICES.put(service, FakeService.start(service + "-service"));
        }
    }

    private Platform() {
    }

    static FakeService service(String name) {
        return SERVICES.get(name);
    }

    /** Routes every service to its fake and trusts the tests' tokens, as the services do. */
    static void register(DynamicPropertyRegistry registry) {
        SERVICES.forEach((name, fake) -> registry.add(name.toUpperCase() + "_SERVICE_URL", fake::url));
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> "file:" + Tokens.publicKeyFile());
    }

    /** The state the gateway reports for a service's circuit, as an operator reads it from the scrape. */
    static String breakerState(WebTestClient gateway, String service) {
        String metrics = gateway.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        var state = Pattern.compile("resilience4j_circuitbreaker_state\\{[^}]*name=\"" + service + "\""
                + "[^}]*state=\"([a-z_]+)\"[^}]*} 1\\.0").matcher(metrics);
        return state.find() ? state.group(1) : "unknown";
    }

    /** Xianning's administrator as a fresh client each time, so no rate limit is reached. */
    static String freshCityAdminToken() {
        return Tokens.forTests().mint("CITY_ADMIN", "user-" + UUID.randomUUID(), Map.of("cityCode", "XIANNING"));
    }
}
