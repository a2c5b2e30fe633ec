package cn.innovationchina.demand.scenarios;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.innovationchina.testkit.AuthorizationMatrix;
import cn.innovationchina.testkit.AuthorizationMatrix.Tenant;
import cn.innovationchina.testkit.ServiceTest;

/** Every operation of the OpenAPI document, as every role of the demand's own tenant and of another, and as nobody. */
@ServiceTest
class AuthorizationMatrixTest extends DemandScenario {

    @Test
    void each_operation_answers_each_caller_as_the_matrix_says_and_no_operation_is_missing_from_it() {
        var owner = registeredEnterprise(UNREVIEWED_CITY);
        var demand = publishedBy(owner, hydrogen(UNREVIEWED_CITY));

        AuthorizationMatrix.fromClasspath("authorization-matrix.csv")
                .holdsForServiceAt(http, new Tenant(owner.organisationId(), "prv-matrix-own", UNREVIEWED_CITY),
                        new Tenant("org-matrix-other", "prv-matrix-other", REVIEWED_CITY),
                        Map.of("id", demand.id(), "code", UNREVIEWED_CITY), Map.of());
    }
}
