package cn.innovationchina.monitoring.scenarios;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.testkit.AuthorizationMatrix.Tenant;
import cn.innovationchina.testkit.ServiceTest;
import cn.innovationchina.testkit.fuzz.ApiFuzzer;

/** Thousands of requests made from the OpenAPI document, each with something broken, as every kind of caller. */
@ServiceTest
class ApiFuzzTest {

    @Autowired
    WebTestClient http;

    @BeforeEach
    void theFirstPilotCitiesAreDesignated() {
        Bus.theFirstPilotCitiesAreDesignated();
    }

    @Test
    void no_generated_request_gets_a_server_error_an_unnamed_fault_or_stores_anything_when_refused() {
        ApiFuzzer.forServiceAt(http)
                .asEveryCallerOf(new Tenant("ORG-XN-FUZZ", "PRV-XN-FUZZ", "XIANNING"),
                        new Tenant("ORG-WH-FUZZ", "PRV-WH-FUZZ", "WUHAN"))
                .withPathValues(Map.of("cityCode", "XIANNING"))
                .withQueryValues(Map.of("from", "2026-01-01", "to", "2026-01-31"))
                .run()
                .assertClean();
    }
}
