package cn.innovationchina.demand.scenarios;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.innovationchina.testkit.AuthorizationMatrix.Tenant;
import cn.innovationchina.testkit.ServiceTest;
import cn.innovationchina.testkit.fuzz.ApiFuzzer;

/** Thousands of requests made from the OpenAPI document, each with something broken, as every kind of caller. */
@ServiceTest
class ApiFuzzTest extends DemandScenario {

    @Test
    void no_generated_request_gets_a_server_error_an_unnamed_fault_or_stores_anything_when_refused() {
        var owner = registeredEnterprise(UNREVIEWED_CITY);
        var demand = publishedBy(owner, hydrogen(UNREVIEWED_CITY));

        ApiFuzzer.forServiceAt(http)
                .asEveryCallerOf(new Tenant(owner.organisationId(), "prv-fuzz-own", UNREVIEWED_CITY),
                        new Tenant("org-fuzz-other", "prv-fuzz-other", REVIEWED_CITY))
                .withPathValues(Map.of("id", demand.id(), "code", UNREVIEWED_CITY))
                .run()
                .assertClean();
    }
}
