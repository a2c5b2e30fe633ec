package cn.innovationchina.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class AuthorizationMatrixTest {

    private final AuthorizationMatrix matrix = AuthorizationMatrix.fromClasspath("matrix-fixture.csv");

    @Test
    void an_operation_of_the_api_without_a_line_fails_deny_by_default() {
        var openApi = Map.<String, Object>of("paths", Map.of(
                "/lamps/{id}", Map.of("get", Map.of(), "parameters", Map.of()),
                "/lamps/{id}/switch", Map.of("post", Map.of())));
        assertThatThrownBy(() -> matrix.coversEveryOperationOf(openApi))
                .isInstanceOf(AssertionError.class).hasMessageContaining("POST /lamps/{id}/switch");
    }

    @Test
    void a_line_for_no_operation_of_the_api_fails_too() {
        var openApi = Map.<String, Object>of("paths", Map.of("/lamps", Map.of("get", Map.of())));
        assertThatThrownBy(() -> matrix.coversEveryOperationOf(openApi))
                .isInstanceOf(AssertionError.class).hasMessageContaining("GET /lamps/{id}");
    }

    @Test
    void a_table_listing_every_operation_passes() {
        var openApi = Map.<String, Object>of("paths", Map.of("/lamps/{id}", Map.of("get", Map.of())));
        assertThatCode(() -> matrix.coversEveryOperationOf(openApi)).doesNotThrowAnyException();
    }
}
