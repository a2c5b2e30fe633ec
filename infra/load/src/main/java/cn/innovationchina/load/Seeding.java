package cn.innovationchina.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.innovationchina.devstack.demo.DevTokens;
import cn.innovationchina.devstack.demo.LoadData;
import cn.innovationchina.devstack.demo.Platform;

/** The users a load needs, through the gateway as they would come: providers by bulk import, then enterprises. */
public final class Seeding {

    private static final int IMPORT_CHUNK = 1000;

    private Seeding() {
    }

    /** Imports {@code count} experts as the platform administrator, a thousand per request; answers the seconds. */
    public static double importProviders(HttpClient http, String gateway, DevTokens tokens, int count)
            throws Exception {
        return importProviders(http, gateway, tokens, 0, count);
    }

    /** Imports experts {@code from} to {@code from + count - 1} of the load's material; answers the seconds. */
    public static double importProviders(HttpClient http, String gateway, DevTokens tokens, int from, int count)
            throws Exception {
        long start = System.nanoTime();
        List<String> lines = new LoadData(1).providerImportLines(from + count).subList(from, from + count);
        for (int chunk = 0; chunk < lines.size(); chunk += IMPORT_CHUNK) {
            String body = String.join("\n", lines.subList(chunk, Math.min(lines.size(), chunk + IMPORT_CHUNK)));
            var response = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/expert/providers/imports"))
                    .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + tokens.platformAdmin())
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Importing providers answered " + response.statusCode() + ": "
                        + response.body());
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Registers the load's enterprises; answers each one's token by organisation id. */
    public static Map<String, String> registerEnterprises(Platform platform, DevTokens tokens, LoadData data) {
        Map<String, String> enterpriseTokens = new LinkedHashMap<>();
        for (var enterprise : data.enterprises()) {
            String token = tokens.enterprise(enterprise.id(), enterprise.cityCode());
            platform.expectPost("demand", "/enterprises", token, enterprise.registration(), null);
            enterpriseTokens.put(enterprise.id(), token);
        }
        return enterpriseTokens;
    }
}
