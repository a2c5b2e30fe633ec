package cn.innovationchina.demand.scenarios;

import java.util.Map;

import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A user of one enterprise (organisation). */
public final class EnterpriseUser extends Caller {

    private final String organisationId;

    EnterpriseUser(WebTestClient http, String token, String organisationId) {
        super(http, token);
        this.organisationId = organisationId;
    }

    public String organisationId() {
        return organisationId;
    }

    public Reply registers(String name, String creditCode, String cityCode) {
        return call(HttpMethod.POST, "/enterprises", Map.of("name", name, "creditCode", creditCode,
                "cityCode", cityCode, "industry", "manufacturing", "size", "SMALL"), null);
    }

    /** An enterprise of a pilot city that lies in a division of its own (outside the pilot city's). */
    public Reply registers(String name, String creditCode, String cityCode, String divisionCode) {
        return call(HttpMethod.POST, "/enterprises", Map.of("name", name, "creditCode", creditCode,
                "cityCode", cityCode, "divisionCode", divisionCode, "industry", "manufacturing", "size", "SMALL"),
                null);
    }

    public Reply drafts(Map<String, Object> demand) {
        return call(HttpMethod.POST, "/demands", demand, null);
    }

    /** Drafts a demand that must be accepted, and holds it. */
    public DemandRef hasDrafted(Map<String, Object> demand) {
        var reply = drafts(demand).expect(201);
        return new DemandRef(reply.text("id"), reply.etag());
    }

    public Reply submits(DemandRef demand) {
        return changes(demand, HttpMethod.POST, "/submit", null);
    }

    public Reply edits(DemandRef demand, Map<String, Object> content) {
        return changes(demand, HttpMethod.PUT, "", content);
    }

    public Reply withdraws(DemandRef demand, String reason) {
        return changes(demand, HttpMethod.POST, "/withdraw", Map.of("reason", reason));
    }

    public Reply closes(DemandRef demand, String closure, String note) {
        return changes(demand, HttpMethod.POST, "/close", Map.of("closure", closure, "note", note));
    }
}
