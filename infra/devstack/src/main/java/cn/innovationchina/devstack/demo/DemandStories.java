package cn.innovationchina.devstack.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.devstack.demo.DemoData.Demand;
import cn.innovationchina.devstack.demo.DemoData.Enterprise;
import cn.innovationchina.devstack.demo.Platform.Answer;
import cn.innovationchina.devstack.demo.WorldFigures.CityFigures;
import cn.innovationchina.devstack.demo.WorldFigures.Figure;
import tools.jackson.databind.JsonNode;

/**
 * A published demand's story on the matches the platform proposed, as far as the story its file names: shortlist,
 * dismiss, invite, accept or decline, docking, contract, closing and feedback, each by the side that does it.
 */
final class DemandStories {

    /**
     * A published demand waiting for its story, with the token of its enterprise; {@code ordinal} (its place in the
     * file) picks its reasons, phrases and dates, so they are the same on every load.
     */
    record Posted(int ordinal, Demand demand, Enterprise enterprise, String id, String token) {
    }

    private static final List<String> DISMISSALS = List.of("TOO_FAR", "INSUFFICIENT_EXPERIENCE", "NOT_RELEVANT",
            "ALREADY_IN_CONTACT");
    private static final List<String> DECLINES = List.of("NO_CAPACITY", "TIMELINE", "BUDGET", "OUTSIDE_EXPERTISE");
    /** The stories in the order a demand's history runs; each story goes as far as its own name. */
    private static final List<String> STEPS = DemoData.STORIES.subList(DemoData.STORIES.indexOf("open"),
            DemoData.STORIES.size());

    private final Platform platform;
    private final DevTokens tokens;
    private final DemoData.Phrases phrases;
    private final LocalDate today;
    private final Map<String, String> providerCities;
    private final WorldFigures figures;

    DemandStories(Platform platform, DevTokens tokens, DemoData.Phrases phrases, LocalDate today,
            Map<String, String> providerCities, WorldFigures figures) {
        this.platform = platform;
        this.tokens = tokens;
        this.phrases = phrases;
        this.today = today;
        this.providerCities = providerCities;
        this.figures = figures;
    }

    void play(Posted posted) {
        CityFigures city = figures.city(posted.enterprise().cityCode());
        JsonNode matches = awaitMatches(posted);
        if (matches == null) {
            figures.withoutMatches++;
            DemoWorld.log("  no matches for \"%s\" within 90 s: its story is skipped", posted.demand().title());
            return;
        }
        List<JsonNode> proposed = new ArrayList<>();
        matches.path("matches").forEach(proposed::add);
        proposed.sort(Comparator.comparingInt(match -> match.path("rank").asInt()));
        favourNamedProvider(proposed, posted.demand().provider());
        city.add(Figure.PROPOSALS, proposed.size());
        int reach = STEPS.indexOf(posted.demand().story());
        if (reach < 1 || proposed.isEmpty()) {
            return;
        }
        int n = posted.ordinal();
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
        city.count(Figure.INVITATIONS);
        String expert = tokens.expert(first.path("providerId").asString(),
                providerCities.get(first.path("providerId").asString()));
        if (posted.demand().story().equals("declined")) {
            String reason = DECLINES.get(n % DECLINES.size());
            step(posted, first, expert, "decline", Map.of("reason", reason, "note", phrases.decline().get(reason)));
            city.count(Figure.DECLINES);
            if (proposed.size() > 1) {
                step(posted, proposed.get(1), posted.token(), "invite", Map.of("message", message));
                city.count(Figure.INVITATIONS);
            }
            return;
        }
        if (reach < STEPS.indexOf("accepted")) {
            return;
        }
        step(posted, first, expert, "accept", null);
        city.count(Figure.ACCEPTANCES);
        if (contactReleased(posted, first.path("providerId").asString())) {
            figures.contactsReleased++;
        }
        if (reach < STEPS.indexOf("terminated")) {
            return;
        }
        LocalDate docked = today.minusDays(20 + n % 40);
        step(posted, first, expert, "docking", Map.of("startedOn", docked.toString()));
        city.count(Figure.DOCKINGS);
        if (posted.demand().story().equals("terminated")) {
            step(posted, first, posted.token(), "close", Map.of("outcome", "TERMINATED"));
            return;
        }
        if (reach < STEPS.indexOf("contract")) {
            return;
        }
        contract(posted, first, docked, city);
        if (reach < STEPS.indexOf("closed")) {
            return;
        }
        close(posted, first, expert);
    }

    private void contract(Posted posted, JsonNode match, LocalDate docked, CityFigures city) {
        int n = posted.ordinal();
        long value = posted.demand().contractCny();
        LocalDate signed = docked.plusDays(7 + n % 12);
        String contractId = "HT-%s-%d-%04d".formatted(posted.enterprise().cityCode(), signed.getYear(), n % 10_000);
        step(posted, match, posted.token(), "contract", Map.of("contractId", contractId, "valueCny", value,
                "mode", posted.demand().modes().get(0), "signedOn", signed.toString()));
        city.count(Figure.CONTRACTS);
        city.add(Figure.CONTRACT_VALUE_CNY, value);
    }

    /** The engagement completed, each side's feedback, and the demand closed as fulfilled by the contract. */
    private void close(Posted posted, JsonNode match, String expert) {
        int n = posted.ordinal();
        step(posted, match, posted.token(), "close", Map.of("outcome", "COMPLETED"));
        step(posted, match, posted.token(), "feedback", Map.of("rating", 4 + n % 2,
                "comment", phrases.enterpriseFeedback().get(n % phrases.enterpriseFeedback().size())));
        step(posted, match, expert, "feedback", Map.of("rating", 5,
                "comment", phrases.providerFeedback().get(n % phrases.providerFeedback().size())));
        Answer demand = platform.expectGet("demand", "/demands/" + posted.id(), posted.token());
        platform.expectPost("demand", "/demands/" + posted.id() + "/close", posted.token(),
                Map.of("closure", "FULFILLED_BY_CONTRACT", "note", phrases.closingNote()), demand.etag());
    }

    /**
     * A demand that names its provider (one a development login user acts for) plays its story with that provider
     * when matching proposed it, so the user finds the story in its invitations; otherwise with the top match.
     */
    private static void favourNamedProvider(List<JsonNode> proposed, @Nullable String provider) {
        for (int i = 0; provider != null && i < proposed.size(); i++) {
            if (proposed.get(i).path("providerId").asString().equals(provider)) {
                proposed.add(0, proposed.remove(i));
                return;
            }
        }
    }

    /** Matching ranks a demand once it hears it was published; the list appears when that is done. */
    private @Nullable JsonNode awaitMatches(Posted posted) {
        JsonNode[] found = new JsonNode[1];
        boolean listed = Patience.await(90, () -> {
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
        return Patience.await(15, () -> platform.get("expert", "/providers/" + providerId, posted.token()).body()
                .has("contact"));
    }
}
