package cn.innovationchina.demand.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** What the service answered: status, headers and the JSON body as a map, for plain AssertJ checks. */
public final class Reply {

    private final EntityExchangeResult<Map<String, Object>> result;

    Reply(EntityExchangeResult<Map<String, Object>> result) {
        this.result = result;
    }

    public int status() {
        return result.getStatus().value();
    }

    public HttpHeaders headers() {
        return result.getResponseHeaders();
    }

    public String etag() {
        return headers().getETag();
    }

    public Map<String, Object> body() {
        return result.getResponseBody() == null ? Map.of() : result.getResponseBody();
    }

    /** A value by a dotted path, e.g. {@code "errors.0.field"} or {@code "contact.name"}. */
    @SuppressWarnings("unchecked")
    public Object get(String path) {
        Object current = body();
        for (String part : path.split("\\.")) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(part);
            } else if (current instanceof List<?> list) {
                current = list.get(Integer.parseInt(part));
            } else {
                return null;
            }
        }
        return current;
    }

    public String text(String path) {
        return (String) get(path);
    }

    public Reply expect(int status) {
        assertThat(status()).as("status; body %s", body()).isEqualTo(status);
        return this;
    }

    public Reply ok() {
        assertThat(status()).as("status; body %s", body()).isBetween(200, 299);
        return this;
    }

    /** The header a 428 problem names: the change said no version it is based on. */
    public String requiredHeader() {
        expect(428);
        return text("errors.0.field");
    }

    /** The field a 400 problem names. */
    public String invalidField() {
        expect(400);
        return text("errors.0.field");
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> items() {
        return (List<Map<String, Object>>) get("items");
    }

    public List<String> itemIds() {
        return items().stream().map(item -> (String) item.get("id")).toList();
    }
}
