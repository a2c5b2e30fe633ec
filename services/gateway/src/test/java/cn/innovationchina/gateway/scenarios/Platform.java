package cn.innovationchina.gateway.scenarios;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.test.context.DynamicPropertyRegistry;

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
}
