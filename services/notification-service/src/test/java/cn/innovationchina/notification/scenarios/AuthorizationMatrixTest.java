package cn.innovationchina.notification.scenarios;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.testkit.AuthorizationMatrix;
import cn.innovationchina.testkit.AuthorizationMatrix.Tenant;
import cn.innovationchina.testkit.ServiceTest;
import cn.innovationchina.testkit.Tokens;

/** Every operation of the OpenAPI document, as every role of an enterprise's tenant and of another, and as nobody. */
@ServiceTest
class AuthorizationMatrixTest {

    private static final Tokens TOKENS = Tokens.forTests();

    @Autowired
    WebTestClient http;

    @Test
    void each_operation_answers_each_caller_as_the_matrix_says_and_no_operation_is_missing_from_it() {
        var own = new Tenant("ORG-MATRIX-OWN", "PRV-MATRIX-OWN", Events.CITY);
        String webhook = new Reader(http, TOKENS.enterprise(own.organisationId(), own.cityCode()))
                .registersWebhook("http://localhost:1/hooks").get("id").toString();

        AuthorizationMatrix.fromClasspath("authorization-matrix.csv")
                .holdsForServiceAt(http, own,
                        new Tenant("ORG-MATRIX-OTHER", "PRV-MATRIX-OTHER", "WUHAN"),
                        Map.of("id", webhook), Map.of());
    }
}
