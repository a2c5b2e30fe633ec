package cn.innovationchina.demand.scenarios;

import java.util.Map;

import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The platform administrator: keeps the pilot-city list and sees every city. */
public final class PlatformAdmin extends Caller {

    PlatformAdmin(WebTestClient http, String token) {
        super(http, token);
    }

    public Reply designates(Map<String, Object> city) {
        return call(HttpMethod.POST, "/pilot-cities", city, null);
    }

    /** Sends the city's whole new terms with the ETag last read. */
    public Reply changes(String code, String etag, Map<String, Object> city) {
        return call(HttpMethod.PUT, "/pilot-cities/" + code, city, etag);
    }
}
