package cn.innovationchina.notification.scenarios;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.testkit.ServiceTest;
import cn.innovationchina.testkit.Tokens;

/** A page number that would wrap the offset around, or reach too deep, is refused naming it. */
@ServiceTest
class PagingTest {

    @Autowired
    WebTestClient http;

    // The tests' page size is capped at 50 (application.yml).
    @Test
    void a_page_number_that_would_wrap_around_is_refused_naming_page_for_the_inbox_and_the_deliveries() {
        String token = Tokens.forTests().enterprise("e-" + UUID.randomUUID(), Events.CITY);
        for (String list : new String[] {"/notifications", "/notifications/deliveries"}) {
            for (String query : new String[] {"page=2147483647&size=50", "page=42949673&size=50", "page=200&size=50"}) {
                http.get().uri(list + "?" + query).headers(h -> h.setBearerAuth(token))
                        .exchange()
                        .expectStatus().isBadRequest()
                        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody().jsonPath("$.errors[0].field").isEqualTo("page");
            }
        }
    }
}
