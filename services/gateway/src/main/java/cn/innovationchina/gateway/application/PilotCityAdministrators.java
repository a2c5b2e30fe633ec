package cn.innovationchina.gateway.application;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import cn.innovationchina.gateway.domain.DemoUser;
import cn.innovationchina.platform.security.Role;
import reactor.core.publisher.Mono;

/**
 * The city administrators the pilot-city list names, as demo users of the development issuer: a user listed by a
 * city signs in as CITY_ADMIN of that city, so the administrator of a city designated a minute ago can sign in
 * without a restart (ADR 0033). Read from demand-service on each use, with a token this issuer mints for itself;
 * while demand-service cannot answer, only the configured demo users sign in.
 */
public class PilotCityAdministrators {

    private static final Logger log = LoggerFactory.getLogger(PilotCityAdministrators.class);
    private static final Duration PATIENCE = Duration.ofSeconds(3);
    private static final DemoUser ISSUER = new DemoUser("dev-issuer", "Development issuer", Role.PLATFORM_ADMIN, null,
            null, null);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Listed(List<City> cities) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record City(String code, String nameZh, String nameEn, List<String> administrators) {
    }

    private final DevTokenIssuer issuer;
    private final WebClient http;

    public PilotCityAdministrators(DevTokenIssuer issuer, DevIssuerProperties properties) {
        this.issuer = issuer;
        this.http = WebClient.builder().baseUrl(properties.pilotCities().toString()).build();
    }

    /** One demo user per administrator, each of the first city that lists them. */
    public Mono<List<DemoUser>> all() {
        return http.get().headers(headers -> headers.setBearerAuth(issuer.mint(ISSUER))).retrieve()
                .bodyToMono(Listed.class)
                .map(listed -> listed.cities() == null ? List.<DemoUser>of() : listed.cities().stream()
                        .flatMap(city -> (city.administrators() == null ? List.<String>of() : city.administrators())
                                .stream().map(userName -> new DemoUser(userName,
                                        city.nameZh() + "管理员 " + city.nameEn() + " administrator",
                                        Role.CITY_ADMIN, null, null, city.code())))
                        .filter(distinctBy())
                        .toList())
                .timeout(PATIENCE)
                .onErrorResume(e -> {
                    log.warn("The pilot-city list could not be read ({}): only the configured demo users sign in",
                            e.toString());
                    return Mono.just(List.of());
                });
    }

    private static Predicate<DemoUser> distinctBy() {
        Set<String> seen = new HashSet<>();
        return user -> seen.add(user.id());
    }
}
