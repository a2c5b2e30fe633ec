package cn.innovationchina.expert.scenarios;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.innovationchina.testkit.AuthorizationMatrix.Tenant;
import cn.innovationchina.testkit.fuzz.ApiFuzzer;

/** Thousands of requests made from the OpenAPI document, each with something broken, as every kind of caller. */
class ApiFuzzTest extends Scenario {

    @Test
    void no_generated_request_gets_a_server_error_an_unnamed_fault_or_stores_anything_when_refused() {
        var society = given.aSociety();
        var member = given.aRegisteredExpert();

        ApiFuzzer.forServiceAt(http)
                .asEveryCallerOf(new Tenant("ORG-FUZZ-OWN", society.id, "XIANNING"),
                        new Tenant("ORG-FUZZ-OTHER", Actors.newId("PRV"), "WUHAN"))
                .withPathValues(Map.of("id", society.id, "memberId", member.id, "city", "XIANNING"))
                .run()
                .assertClean();
    }
}
