package cn.innovationchina.devstack.demo;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.devstack.DevStack;
import cn.innovationchina.devstack.demo.DemoData.Demand;
import cn.innovationchina.devstack.demo.DemoData.Enterprise;
import cn.innovationchina.devstack.demo.DemoData.Provider;
import cn.innovationchina.devstack.demo.Platform.Answer;
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
    private static final List<String> DISMISSALS = List.of("TOO_FAR", "INSUFFICIENT_EXPERIENCE", "NOT_RELEVANT",
            "ALREADY_IN_CONTACT");
    private static final List<String> DECLINES = List.of("NO_CAPACITY", "TIMELINE", "BUDGET", "OUTSIDE_EXPERTISE");
    /** The stories in the order a demand's history runs; each story goes as far as its own name. */
    private static final List<String> STEPS = DemoData.STORIES.subList(DemoData.STORIES.indexOf("open"),
            DemoData.STORIES.size());

    private final Options options;
    private final DemoData data = new DemoData();
    private final Platform platform;
    private final DevTokens tokens;
    private final LocalDate today = LocalDate.now(CHINA);
    private final Map<String, CityFigures> figures = new TreeMap<>();
    private final Map<String, String> providerCities = new LinkedHashMap<>();
    private int registered;
    private int verified;
    private int skippedDemands;
    private int contactsReleased;
    private int withoutMatches;

    /** What this load did in one city. */
    private static final class CityFigures {
        int providers;
        int demands;
        int published;
        int rejected;
        int awaitingReview;
        int proposals;
        int invitations;
        int acceptances;
        int declines;
        int dockings;
        int contracts;
        long contractValueCny;
    }

    /**
     * A published demand waiting for its story, with the token of its enterprise; {@code ordinal} (its place in the
     * file) picks its reasons, phrases and dates, so they are the same on every load.
     */
    private record Posted(int ordinal, Demand demand, Enterprise enterprise, String id, String token) {
    }

    public DemoWorld(Options options) {
        this.options = options;
        this.platform = new Platform(options.baseUrl(), options.portBase());
        this.tokens = new DevTokens(options.signingKey());
    }

    public static void main(String[] args) {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        Path data = root.resolve("infra/devstack/.data");
        String baseUrl = null;
        int portBase = DevStack.DEFAULT_PORT_BASE;
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
        data.cities().forEach(city -> figures.put(city.code(), new CityFigures()));
        long providersBefore = monitoringTotal("providersRegistered");
        registerProviders(data.providers(options.providers()));
        log("%d providers (%d newly registered, %d verified) after %.1f s", providerCities.size(), registered,
                verified, seconds(start));
        awaitMonitoring("providersRegistered", providersBefore + registered, "the new providers' events");
        long contractsBefore = monitoringTotal("contractsSigned");
        List<Posted> published = postDemands(data.demands(options.demands()));
        int selected = data.demands(options.demands()).size();
        log("%d demands posted, %d already there, after %.1f s", selected - skippedDemands, skippedDemands,
                seconds(start));
        if (selected > 0 && skippedDemands == selected) {
            log("The demo world's demands are already loaded (each is known by its enterprise and title): "
                    + "their history is not played again");
        }
        published.forEach(this::playStory);
        int contracts = figures.values().stream().mapToInt(f -> f.contracts).sum();
        awaitMonitoring("contractsSigned", contractsBefore + contracts, "the contracts");
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
            }
            providerCities.put(provider.id(), provider.cityCode());
            if (provider.cityCode() != null) {
                figures.get(provider.cityCode()).providers++;
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
            CityFigures city = figures.get(enterprise.cityCode());
            city.demands++;
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
                    city.awaitingReview++;
                    continue;
                }
                if (demand.story().equals("rejected")) {
                    platform.expectPost("demand", "/demands/" + id + "/reject", admin,
                            Map.of("reason", demand.rejectReason()), submitted.etag());
                    city.rejected++;
                    continue;
                }
                submitted = platform.expectPost("demand", "/demands/" + id + "/approve", admin, null,
                        submitted.etag());
            }
            city.published++;
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

    // --- a demand's story on its matches ---------------------------------------------------------------------

    private void playStory(Posted posted) {
        CityFigures city = figures.get(posted.enterprise().cityCode());
        JsonNode matches = awaitMatches(posted);
        if (matches == null) {
            withoutMatches++;
            log("  no matches for \"%s\" within 90 s: its story is skipped", posted.demand().title());
            return;
        }
        List<JsonNode> proposed = new ArrayList<>();
        matches.path("matches").forEach(proposed::add);
        proposed.sort(Comparator.comparingInt(match -> match.path("rank").asInt()));
        city.proposals += proposed.size();
        int reach = STEPS.indexOf(posted.demand().story());
        if (reach < 1 || proposed.isEmpty()) {
            return;
        }
        int n = posted.ordinal();
        var phrases = data.phrases();
        JsonNode first = proposed.get(0);
        step(posted, first, posted.token(), "shortlist", null);
        if (proposed.size() > 1) {
            step(posted, proposed.get(1), posted.token(), "shortlist", null);
        }
        if (proposed.size() > 2) {
            String reason = DISMISSALS.get(n % DISMISSALS.size());
            step(posted, proposed.get(2), posted.token(), "dismiss",
                    Map.of("reason", reason, "note", phrases.dismissal().get(reason)));
        }
        if (reach < STEPS.indexOf("invited")) {
            return;
        }
        String message = phrases.invitation().get(n % phrases.invitation().size());
        step(posted, first, posted.token(), "invite", Map.of("message", message));
        city.invitations++;
        String expert = tokens.expert(first.path("providerId").asString(),
                providerCities.get(first.path("providerId").asString()));
        if (posted.demand().story().equals("declined")) {
            String reason = DECLINES.get(n % DECLINES.size());
            step(posted, first, expert, "decline", Map.of("reason", reason, "note", phrases.decline().get(reason)));
            city.declines++;
            if (proposed.size() > 1) {
                step(posted, proposed.get(1), posted.token(), "invite", Map.of("message", message));
                city.invitations++;
            }
            return;
        }
        if (reach < STEPS.indexOf("accepted")) {
            return;
        }
        step(posted, first, expert, "accept", null);
        city.acceptances++;
        if (contactReleased(posted, first.path("providerId").asString())) {
            contactsReleased++;
        }
        if (reach < STEPS.indexOf("terminated")) {
            return;
        }
        LocalDate docked = today.minusDays(20 + n % 40);
        step(posted, first, expert, "docking", Map.of("startedOn", docked.toString()));
        city.dockings++;
        if (posted.demand().story().equals("terminated")) {
            step(posted, first, posted.token(), "close", Map.of("outcome", "TERMINATED"));
            return;
        }
        if (reach < STEPS.indexOf("contract")) {
            return;
        }
        long value = posted.demand().contractCny();
        LocalDate signed = docked.plusDays(7 + n % 12);
        String contractId = "HT-%s-%d-%04d".formatted(posted.enterprise().cityCode(), signed.getYear(), n % 10_000);
        step(posted, first, posted.token(), "contract", Map.of("contractId", contractId, "valueCny", value,
                "mode", posted.demand().modes().get(0), "signedOn", signed.toString()));
        city.contracts++;
        city.contractValueCny += value;
        if (reach < STEPS.indexOf("closed")) {
            return;
        }
        step(posted, first, posted.token(), "close", Map.of("outcome", "COMPLETED"));
        step(posted, first, posted.token(), "feedback", Map.of("rating", 4 + n % 2,
                "comment", phrases.enterpriseFeedback().get(n % phrases.enterpriseFeedback().size())));
        step(posted, first, expert, "feedback", Map.of("rating", 5,
                "comment", phrases.providerFeedback().get(n % phrases.providerFeedback().size())));
        Answer demand = platform.expectGet("demand", "/demands/" + posted.id(), posted.token());
        platform.expectPost("demand", "/demands/" + posted.id() + "/close", posted.token(),
                Map.of("closure", "FULFILLED_BY_CONTRACT", "note", phrases.closingNote()), demand.etag());
    }

    /** Matching ranks a demand once it hears it was published; the list appears when that is done. */
    private @Nullable JsonNode awaitMatches(Posted posted) {
        JsonNode[] found = new JsonNode[1];
        boolean listed = await(90, () -> {
            Answer answer = platform.get("matching", "/demands/" + posted.id() + "/matches", posted.token());
            found[0] = answer.body();
            return answer.ok();
        });
        return listed ? found[0] : null;
    }

    /** One step on the match list as just read (this loader reads it as the enterprise, whichever party steps). */
    private void step(Posted posted, JsonNode match, String token, String step, @Nullable Map<String, ?> body) {
        String list = "/demands/" + posted.id() + "/matches";
        String etag = platform.expectGet("matching", list, posted.token()).etag();
        platform.expectPost("matching", list + "/" + match.path("matchId").asString() + "/" + step, token, body,
                etag);
    }

    /** Expert-service releases the contact data when it hears of the acceptance: the enterprise then sees it. */
    private boolean contactReleased(Posted posted, String providerId) {
        return await(15, () -> platform.get("expert", "/providers/" + providerId, posted.token()).body()
                .has("contact"));
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
        if (!await(60, () -> monitoringTotal(figure) >= expected)) {
            log("  monitoring-service has not counted all of %s within 60 s (%s: %d of %d); going on", what,
                    figure, monitoringTotal(figure), expected);
        }
    }

    private void printSummary(double seconds) {
        var table = new StringBuilder("\n  What this load added, per pilot city:\n  %-10s %9s %7s %9s %8s %9s %11s %11s %8s %9s %16s%n".formatted("CITY",
                "PROVIDERS", "DEMANDS", "PUBLISHED", "REJECTED", "PROPOSALS", "INVITATIONS", "ACCEPTANCES",
                "DOCKINGS", "CONTRACTS", "VALUE (CNY)"));
        CityFigures total = new CityFigures();
        figures.forEach((code, f) -> {
            table.append("  %-10s %9d %7d %9d %8d %9d %11d %11d %8d %9d %,16d%n".formatted(code, f.providers,
                    f.demands, f.published, f.rejected, f.proposals, f.invitations, f.acceptances, f.dockings,
                    f.contracts, f.contractValueCny));
            total.providers += f.providers;
            total.demands += f.demands;
            total.published += f.published;
            total.rejected += f.rejected;
            total.awaitingReview += f.awaitingReview;
            total.proposals += f.proposals;
            total.invitations += f.invitations;
            total.acceptances += f.acceptances;
            total.declines += f.declines;
            total.dockings += f.dockings;
            total.contracts += f.contracts;
            total.contractValueCny += f.contractValueCny;
        });
        table.append("  %-10s %9d %7d %9d %8d %9d %11d %11d %8d %9d %,16d%n".formatted("TOTAL", total.providers,
                total.demands, total.published, total.rejected, total.proposals, total.invitations,
                total.acceptances, total.dockings, total.contracts, total.contractValueCny));
        System.out.println(table);
        log("%d demands await their city's review, %d invitations were declined; %d of %d acceptances showed the "
                + "enterprise the provider's contact data; %d demands got no list in time", total.awaitingReview,
                total.declines, contactsReleased, total.acceptances, withoutMatches);
        log("monitoring-service counts today: %d contracts worth %,d CNY over every pilot city",
                monitoringTotal("contractsSigned"), monitoringTotal("contractValueTotalCny"));
        log("The demo world was loaded in %.1f s. Tokens: devstack token ENTERPRISE --org ORG-XN-001 --city "
                + "XIANNING; CITY_ADMIN --city XIANNING; EXPERT --provider EXP-0001 --city BEIJING", seconds);
    }

    private static boolean await(int seconds, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void log(String format, Object... args) {
        System.out.println("[demo] " + format.formatted(args));
    }
}
