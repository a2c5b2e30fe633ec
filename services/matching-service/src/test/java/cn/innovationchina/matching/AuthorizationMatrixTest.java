package cn.innovationchina.matching;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.testkit.AuthorizationMatrix;
import cn.innovationchina.testkit.AuthorizationMatrix.Tenant;
import cn.innovationchina.testkit.ServiceTest;

/** Every operation of the OpenAPI document, as every role and as nobody, on a demand and a match nobody has. */
@ServiceTest
class AuthorizationMatrixTest {

    @Autowired
    WebTestClient http;

    @Test
    void each_operation_answers_each_caller_as_the_matrix_says_and_no_operation_is_missing_from_it() {
        AuthorizationMatrix.fromClasspath("authorization-matrix.csv")
                .holdsForServiceAt(http, new Tenant("ORG-MATRIX-OWN", "PRV-MATRIX-OWN", "XIANNING"),
                        new Tenant("ORG-MATRIX-OTHER", "PRV-MATRIX-OTHER", "WUHAN"),
                        Map.of("demandId", "dmd-matrix-none", "matchId", "mt-matrix-none"), Map.of());
    }
}
