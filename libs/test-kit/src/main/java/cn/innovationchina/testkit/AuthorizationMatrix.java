package cn.innovationchina.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.netty.http.client.HttpClient;

/**
 * Who may call each operation of a service: a checked-in table ({@code authorization-matrix.csv} in the service's
 * test resources), one line per operation of its OpenAPI document, one column per caller (anonymous, each role as
 * the tenant the path's objects belong to, each role as another tenant), and the outcome each must get. An operation
 * of the OpenAPI document without a line fails the test: whoever adds an endpoint must say who may call it.
 * <p>
 * Outcomes: {@code 2xx}; {@code 401}, {@code 403}, {@code 404} exactly; {@code 4xx}, any client error but 401 and 403
 * (the role check passed and the input was refused, e.g. an empty body or an object that does not exist);
 * {@code refused}, any client error but 401 (a request body is read, and may be refused, before the role is checked);
 * {@code ok}, neither 401, 403 nor an error of the server. No call may ever get a 5xx.
 */
public final class AuthorizationMatrix {

    /** The columns after method and path, as the table's header names them. */
    public static final List<String> CALLERS = List.of("anonymous", "ENTERPRISE", "ENTERPRISE other", "EXPERT",
            "EXPERT other", "CITY_ADMIN", "CITY_ADMIN other", "PLATFORM_ADMIN");

    /** A tenant of each role: an enterprise, a provider (with its city) and a pilot city. */
    public record Tenant(String organisationId, String providerId, String cityCode) {
    }

    /** A token for each caller column: {@code own} is the tenant the path's objects belong to. */
    public static Map<String, String> callers(Tokens tokens, Tenant own, Tenant other) {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("ENTERPRISE", tokens.enterprise(own.organisationId(), own.cityCode()));
        callers.put("ENTERPRISE other", tokens.enterprise(other.organisationId(), other.cityCode()));
        callers.put("EXPERT", tokens.expert(own.providerId(), own.cityCode()));
        callers.put("EXPERT other", tokens.expert(other.providerId(), other.cityCode()));
        callers.put("CITY_ADMIN", tokens.cityAdmin(own.cityCode()));
        callers.put("CITY_ADMIN other", tokens.cityAdmin(other.cityCode()));
        callers.put("PLATFORM_ADMIN", tokens.platformAdmin());
        return callers;
    }

    private record Row(String method, String path, Map<String, String> outcomes) {

        String operation() {
            return method + " " + path;
        }
    }

    private final String source;
    private final List<Row> rows;

    private AuthorizationMatrix(String source, List<Row> rows) {
        this.source = source;
        this.rows = rows;
    }

    /** Reads the table from the test's class path: {@code method,path,} then one outcome per caller; # comments. */
    public static AuthorizationMatrix fromClasspath(String resource) {
        try (InputStream in = AuthorizationMatrix.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No " + resource + " on the test class path");
            }
            List<Row> rows = new ArrayList<>();
            boolean header = true;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                List<String> cells = Arrays.stream(trimmed.split(",", -1)).map(String::strip).toList();
                if (header) {
                    assertThat(cells.subList(2, cells.size())).as("%s: the callers' columns", resource)
                            .containsExactlyElementsOf(CALLERS);
                    header = false;
                    continue;
                }
                assertThat(cells).as("%s: %s", resource, trimmed).hasSize(2 + CALLERS.size());
                Map<String, String> outcomes = new LinkedHashMap<>();
                for (int i = 0; i < CALLERS.size(); i++) {
                    outcomes.put(CALLERS.get(i), cells.get(2 + i));
                }
                rows.add(new Row(cells.get(0).toUpperCase(Locale.ROOT), cells.get(1), outcomes));
            }
            return new AuthorizationMatrix(resource, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The whole check of a running service: its OpenAPI document is covered by the table, and every call answers as
     * the table says, the callers being every role of {@code own} and {@code other} with {@link Tokens#forTests()}.
     */
    public void holdsForServiceAt(WebTestClient http, Tenant own, Tenant other, Map<String, String> pathValues,
            Map<String, String> queries) {
        coversEveryOperationOf(OpenApiDocument.of(http))
                .holdsFor(http, callers(Tokens.forTests(), own, other), pathValues, queries);
    }

    /** Deny by default: every operation of the OpenAPI document has a line, and every line is an operation. */
    @SuppressWarnings("unchecked")
    public AuthorizationMatrix coversEveryOperationOf(Map<String, Object> openApi) {
        Set<String> documented = new TreeSet<>();
        ((Map<String, Map<String, Object>>) openApi.get("paths")).forEach((path, operations) ->
                operations.keySet().stream()
                        .filter(method -> Set.of("get", "post", "put", "delete", "patch").contains(method))
                        .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        Set<String> listed = new TreeSet<>(rows.stream().map(Row::operation).toList());
        assertThat(documented).as("operations of the OpenAPI document missing from %s: say who may call them",
                source).isSubsetOf(listed);
        assertThat(listed).as("lines of %s for no operation of the OpenAPI document", source)
                .isSubsetOf(documented);
        return this;
    }

    /**
     * Calls every operation as every caller and compares each answer with the table; all differences are reported
     * together. {@code tokens} holds a token per caller column (none for anonymous); {@code pathValues} fills the
     * path's placeholders with objects of the "own" tenant; {@code queries} gives an operation ("GET /path") the
     * query parameters it requires.
     */
    public void holdsFor(WebTestClient http, Map<String, String> tokens, Map<String, String> pathValues,
            Map<String, String> queries) {
        List<String> differences = new ArrayList<>();
        for (Row row : rows) {
            String query = queries.get(row.operation());
            String uri = fill(row.path(), pathValues) + (query == null ? "" : "?" + query);
            row.outcomes().forEach((caller, expected) -> {
                int status;
                try {
                    status = call(http, row.method(), uri, tokens.get(caller));
                } catch (IllegalStateException noAnswer) {
                    // A call that never answers is a defect of its own: name it, and go on with the others.
                    differences.add(row.operation() + " as " + caller + ": no answer (" + noAnswer.getMessage() + ")");
                    return;
                }
                if (!matches(expected, status)) {
                    differences.add(row.operation() + " as " + caller + ": expected " + expected + ", got " + status);
                }
            });
        }
        assertThat(differences).as("calls whose answer differs from %s", source).isEmpty();
    }

    private static int call(WebTestClient http, String method, String uri, String token) {
        // A stream is let go after its status: on a connection of its own, never one a later call reuses.
        var client = http.mutate().clientConnector(new ReactorClientHttpConnector(HttpClient.newConnection())).build();
        var request = client.method(HttpMethod.valueOf(method)).uri(uri).headers(headers -> {
            if (token != null) {
                headers.setBearerAuth(token);
            }
        });
        var sent = method.equals("POST") || method.equals("PUT") || method.equals("PATCH")
                ? request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}") : request;
        return LiveStreams.statusOf(sent);
    }

    private static boolean matches(String expected, int status) {
        boolean clientError = status >= 400 && status < 500;
        return switch (expected) {
            case "2xx" -> status >= 200 && status < 300;
            case "4xx" -> clientError && status != 401 && status != 403;
            case "refused" -> clientError && status != 401;
            case "ok" -> status < 500 && status != 401 && status != 403;
            default -> status == Integer.parseInt(expected);
        };
    }

    private static String fill(String path, Map<String, String> values) {
        String filled = path;
        for (var value : values.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        assertThat(filled).as("a value for every placeholder of %s", path).doesNotContain("{");
        return filled;
    }
}
