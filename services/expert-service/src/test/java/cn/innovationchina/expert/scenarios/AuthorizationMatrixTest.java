package cn.innovationchina.expert.scenarios;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.innovationchina.testkit.AuthorizationMatrix;
import cn.innovationchina.testkit.AuthorizationMatrix.Tenant;

/** Every operation of the OpenAPI document, as every role of the society's own tenant and of another, and as nobody. */
class AuthorizationMatrixTest extends Scenario {

    @Test
    void each_operation_answers_each_caller_as_the_matrix_says_and_no_operation_is_missing_from_it() {
        var society = given.aSociety();
        var member = given.aRegisteredExpert();

        AuthorizationMatrix.fromClasspath("authorization-matrix.csv")
                .holdsForServiceAt(http, new Tenant("ORG-MATRIX-OWN", society.id, "XIANNING"),
                        new Tenant("ORG-MATRIX-OTHER", Actors.newId("PRV"), "WUHAN"),
                        Map.of("id", society.id, "memberId", member.id, "city", "XIANNING"), Map.of());
    }
}
