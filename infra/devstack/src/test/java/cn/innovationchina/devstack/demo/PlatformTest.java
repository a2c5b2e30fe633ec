package cn.innovationchina.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
