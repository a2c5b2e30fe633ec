package cn.innovationchina.gateway.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /auth/config} tells the console where its users log in, so the same files work in the devstack (the
 * development login page) and in docker-compose (Keycloak: an OpenID Connect issuer and the console's client id).
 */
@Configuration(proxyBeanMethods = false)
class LoginConfiguration {

    @Bean
    RouterFunction<ServerResponse> loginConfigurationRoute(@Value("${gateway.login.kind}") String kind,
            @Value("${gateway.login.url:}") String url, @Value("${gateway.login.issuer:}") String issuer,
            @Value("${gateway.login.client-id:}") String clientId) {
        Map<String, String> login = new LinkedHashMap<>();
        login.put("kind", kind);
        putIfSet(login, "url", url);
        putIfSet(login, "issuer", issuer);
        putIfSet(login, "clientId", clientId);
        return route(GET("/auth/config"), request -> ServerResponse.ok().bodyValue(login));
    }

    private static void putIfSet(Map<String, String> login, String name, String value) {
        if (!value.isBlank()) {
            login.put(name, value);
        }
    }
}
