package cn.innovationchina.notification.scenarios;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.testkit.AuthorizationMatrix.Tenant;
import cn.innovationchina.testkit.ServiceTest;
import cn.innovationchina.testkit.Tokens;
import cn.innovationchina.testkit.fuzz.ApiFuzzer;

/** Thousands of requests made from the OpenAPI document, each with something broken, as every kind of caller. */
@ServiceTest
class ApiFuzzTest {

    @Autowired
    WebTestClient http;

    @Test
    void no_generated_request_gets_a_server_error_an_unnamed_fault_or_stores_anything_when_refused() {
        var own = new Tenant("ORG-FUZZ-OWN", "PRV-FUZZ-OWN", Events.CITY);
        String webhook = new Reader(http, Tokens.forTests().enterprise(own.organisationId(), own.cityCode()))
                .registersWebhook("http://localhost:1/hooks").get("id").toString();

        ApiFuzzer.forServiceAt(http)
                .asEveryCallerOf(own, new Tenant("ORG-FUZZ-OTHER", "PRV-FUZZ-OTHER", "WUHAN"))
                .withPathValues(Map.of("id", webhook))
                .run()
                .assertClean();
    }
}
