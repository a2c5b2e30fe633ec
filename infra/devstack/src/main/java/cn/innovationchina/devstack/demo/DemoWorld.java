package cn.innovationchina.devstack.demo;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.devstack.demo.DemandStories.Posted;
import cn.innovationchina.devstack.demo.DemoData.Demand;
import cn.innovationchina.devstack.demo.DemoData.Enterprise;
import cn.innovationchina.devstack.demo.DemoData.Provider;
import cn.innovationchina.devstack.demo.Platform.Answer;
import cn.innovationchina.devstack.demo.WorldFigures.CityFigures;
import cn.innovationchina.devstack.demo.WorldFigures.Figure;
import cn.innovationchina.devstack.ports.Ports;
import tools.jackson.databind.JsonNode;

/**
 * Loads the demo world through the services' public HTTP APIs only, as its users would: providers register and
 * the platform administrator verifies some; enterprises register and post demands, which their city reviews where
 * it must; then, on the matches the platform proposes, each demand's story is played out (shortlist, dismiss,
 * invite, accept or decline, docking, contract, closing, feedback). Deterministic: the same files and rules build the
 * same world. Loading twice registers nobody twice and posts no demand twice (a demand whose title its enterprise
 * already has is skipped, with its story).
 *
 * <p>Usage: {@code DemoWorld REPO_ROOT [--base-url URL] [--port-base N] [--data DIR] [--providers N] [--demands N]}
 */
public final class DemoWorld {

    /** What to load and where. */
    public record Options(@Nullable String baseUrl, int portBase, Path signingKey, int providers, int demands) {
    }

    /** How many providers the full world has. */
    public static final int WORLD_PROVIDERS = DemoData.WORLD_PROVIDERS;

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Options options;
    private final DemoData data = new DemoData();
    private final Platform platform;
    private final DevTokens tokens;
    private final LocalDate today = LocalDate.now(CHINA);
    private final WorldFigures figures = new WorldFigures();
    private final Map<String, String> providerCities = new LinkedHashMap<>();
    private final DemandStories stories;
    private int registered;
    /** Newly registered providers in a pilot city: monitoring counts a provider in its pilot city, else nowhere. */
    private int registeredInPilotCities;
    private int verified;
    private int skippedDemands;

    public DemoWorld(Options options) {
        this.options = options;
        this.platform = new Platform(options.baseUrl(), options.portBase());
        this.tokens = new DevTokens(options.signingKey());
        this.stories = new DemandStories(platform, tokens, data.phrases(), today, providerCities, figures);
    }

    public static void main(String[] args) {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        Path data = root.resolve("infra/devstack/.data");
        String baseUrl = null;
        int portBase = Ports.DEFAULT_PORT_BASE;
        int providers = WORLD_PROVIDERS;
        int demands = Integer.MAX_VALUE;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--base-url" -> baseUrl = args[++i];
                case "--port-base" -> portBase = Integer.parseInt(args[++i]);
                case "--data" -> data = Path.of(args[++i]).toAbsolutePath();
                case "--providers" -> providers = Integer.parseInt(args[++i]);
                case "--demands" -> demands = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + " (--base-url URL --port-base N --data DIR --providers N --demands N)");
            }
        }
        new DemoWorld(new Options(baseUrl, portBase, data.resolve("keys/dev-signing.pem"), providers, demands))
                .load();
    }

    public void load() {
        long start = System.nanoTime();
        log("Loading the demo world through %s ...", platform.where());
        data.cities().forEach(city -> figures.addCity(city.code()));
        long providersBefore = monitoringTotal("providersRegistered");
        registerProviders(data.providers(options.providers()));
        log("%d providers (%d newly registered, %d verified, %d outside every pilot city) after %.1f s",
                providerCities.size(), registered, verified,
                providerCities.values().stream().filter(Objects::isNull).count(), seconds(start));
        awaitMonitoring("providersRegistered", providersBefore + registeredInPilotCities,
                "the new pilot-city providers' events");
        long contractsBefore = monitoringTotal("contractsSigned");
        List<Posted> published = postDemands(data.demands(options.demands()));
        int selected = data.demands(options.demands()).size();
        log("%d demands posted, %d already there, after %.1f s", selected - skippedDemands, skippedDemands,
                seconds(start));
        if (selected > 0 && skippedDemands == selected) {
            log("The demo world's demands are already loaded (each is known by its enterprise and title): "
                    + "their history is not played again");
        }
        published.forEach(stories::play);
        awaitMonitoring("contractsSigned", contractsBefore + figures.total(Figure.CONTRACTS), "the contracts");
        printSummary(seconds(start));
    }

    // --- providers -------------------------------------------------------------------------------------------

    private void registerProviders(List<Provider> providers) {
        for (Provider provider : providers) {
            String token = tokens.expert(provider.id(), provider.cityCode());
            String path = "/providers/" + provider.id();
            Answer known = platform.get("expert", path, token);
            Answer saved = platform.put("expert", path, token, provider.profile(), known.ok() ? known.etag() : null);
            if (!saved.ok()) {
                throw new IllegalStateException("Registering " + provider.id() + " answered " + saved.status()
                        + ": " + saved.body());
            }
            if (saved.status() == 201) {
                registered++;
                registeredInPilotCities += provider.cityCode() == null ? 0 : 1;
            }
            providerCities.put(provider.id(), provider.cityCode());
            if (provider.cityCode() != null) {
                figures.city(provider.cityCode()).count(Figure.PROVIDERS);
            }
            if (provider.verify()) {
                if (!"VERIFIED".equals(saved.body().path("verification").asString(""))) {
                    platform.expectPost("expert", "/providers/" + provider.id() + "/verification",
                            tokens.platformAdmin(), null, saved.etag());
                }
                verified++;
            }
        }
    }

    // --- enterprises and demands -----------------------------------------------------------------------------

    private List<Posted> postDemands(List<Demand> demands) {
        Map<String, Set<String>> existingTitles = new LinkedHashMap<>();
        List<Posted> published = new ArrayList<>();
        for (int ordinal = 0; ordinal < demands.size(); ordinal++) {
            Demand demand = demands.get(ordinal);
            Enterprise enterprise = data.enterprise(demand.enterprise());
            String token = tokens.enterprise(enterprise.id(), enterprise.cityCode());
            Set<String> titles = existingTitles.computeIfAbsent(enterprise.id(), id -> register(enterprise, token));
            if (!titles.add(demand.title())) {
                skippedDemands++;
                continue;
            }
            CityFigures city = figures.city(enterprise.cityCode());
            city.count(Figure.DEMANDS);
            Answer draft = platform.expectPost("demand", "/demands", token,
                    DemoData.demandBody(demand, enterprise, demand.title(), today), null);
            String id = draft.body().path("id").asString();
            if (demand.story().equals("draft")) {
                continue;
            }
            Answer submitted = platform.expectPost("demand", "/demands/" + id + "/submit", token, null,
                    draft.etag());
            String status = submitted.body().path("status").asString();
            if (status.equals("SUBMITTED")) {
                String admin = tokens.cityAdmin(enterprise.cityCode());
                if (demand.story().equals("pending")) {
                    city.count(Figure.AWAITING_REVIEW);
                    continue;
                }
                if (demand.story().equals("rejected")) {
                    platform.expectPost("demand", "/demands/" + id + "/reject", admin,
                            Map.of("reason", demand.rejectReason()), submitted.etag());
                    city.count(Figure.REJECTED);
                    continue;
                }
                submitted = platform.expectPost("demand", "/demands/" + id + "/approve", admin, null,
                        submitted.etag());
            }
            city.count(Figure.PUBLISHED);
            if (demand.story().equals("withdrawn")) {
                platform.expectPost("demand", "/demands/" + id + "/withdraw", token,
                        Map.of("reason", "已通过合作伙伴内部解决。"), submitted.etag());
                continue;
            }
            published.add(new Posted(ordinal, demand, enterprise, id, token));
        }
        return published;
    }

    /** Registers the enterprise unless it already is; answers the titles of the demands it already has. */
    private Set<String> register(Enterprise enterprise, String token) {
        if (platform.get("demand", "/enterprises/me", token).status() == 404) {
            platform.expectPost("demand", "/enterprises", token, enterprise.registration(), null);
        }
        Set<String> titles = new HashSet<>();
        for (JsonNode item : platform.expectGet("demand", "/demands?page=0&size=100", token).body().path("items")) {
            titles.add(item.path("title").asString());
        }
        return titles;
    }

    // --- monitoring and the summary --------------------------------------------------------------------------

    /** Today's total of one figure over every pilot city, as the platform administrator's ranking shows it. */
    private long monitoringTotal(String figure) {
        Answer ranking = platform.get("monitoring", "/cities/ranking?from=" + today + "&to=" + today,
                tokens.platformAdmin());
        long total = 0;
        for (JsonNode rank : ranking.body()) {
            total += rank.path("figures").path(figure).asLong(0);
        }
        return ranking.ok() ? total : -1;
    }

    private void awaitMonitoring(String figure, long expected, String what) {
        if (!Patience.await(60, () -> monitoringTotal(figure) >= expected)) {
            log("  monitoring-service has not counted all of %s within 60 s (%s: %d of %d); going on", what,
                    figure, monitoringTotal(figure), expected);
        }
    }

    private void printSummary(double seconds) {
        System.out.println(figures.summary());
        log("%s", figures.beyondTheTable());
        log("monitoring-service counts today: %d contracts worth %,d CNY over every pilot city",
                monitoringTotal("contractsSigned"), monitoringTotal("contractValueTotalCny"));
        log("The demo world was loaded in %.1f s. Tokens: devstack token ENTERPRISE --org ORG-XN-001 --city "
                + "XIANNING; CITY_ADMIN --city XIANNING; EXPERT --provider EXP-0001 --city BEIJING", seconds);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static void log(String format, Object... args) {
        System.out.println("[demo] " + format.formatted(args));
    }
}
