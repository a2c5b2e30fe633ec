package cn.innovationchina.monitoring.scenarios;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.testkit.AuthorizationMatrix;
import cn.innovationchina.testkit.AuthorizationMatrix.Tenant;
import cn.innovationchina.testkit.ServiceTest;

/** Every operation of the OpenAPI document, as every role of Xianning and of Wuhan and as nobody. */
@ServiceTest
class AuthorizationMatrixTest {

    private static final String RANGE = "from=2026-01-01&to=2026-01-31";

    @Autowired
    WebTestClient http;

    @BeforeEach
    void theFirstPilotCitiesAreDesignated() {
        Bus.theFirstPilotCitiesAreDesignated();
    }

    @Test
    void each_operation_answers_each_caller_as_the_matrix_says_and_no_operation_is_missing_from_it() {
        AuthorizationMatrix.fromClasspath("authorization-matrix.csv")
                .holdsForServiceAt(http, new Tenant("ORG-XN-MATRIX", "PRV-XN-MATRIX", "XIANNING"),
                        new Tenant("ORG-WH-MATRIX", "PRV-WH-MATRIX", "WUHAN"),
                        Map.of("cityCode", "XIANNING"),
                        Map.of("GET /cities/{cityCode}/report", RANGE, "GET /cities/{cityCode}/report/live", RANGE,
                                "GET /cities/{cityCode}/report.csv", RANGE, "GET /cities/ranking", RANGE));
    }
}
