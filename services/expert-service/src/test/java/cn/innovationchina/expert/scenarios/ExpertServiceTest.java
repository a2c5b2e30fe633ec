package cn.innovationchina.expert.scenarios;

import org.junit.jupiter.api.Test;

class ExpertServiceTest extends Scenario {

    @Test
    void the_api_is_described_by_openapi() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.info.title").isEqualTo("expert-service")
                .jsonPath("$.paths['/providers/{id}'].put").exists()
                .jsonPath("$.paths['/providers/imports'].post").exists();
    }
}
