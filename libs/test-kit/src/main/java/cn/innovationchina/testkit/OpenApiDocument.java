package cn.innovationchina.testkit;

import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The OpenAPI document a running service publishes: what the authorization matrix and the fuzzer start from. */
public final class OpenApiDocument {

    private OpenApiDocument() {
    }

    public static Map<String, Object> of(WebTestClient http) {
        return http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
    }
}
