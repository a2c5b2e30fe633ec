package cn.innovationchina.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import cn.innovationchina.load.Observations;

/**
 * What the platform did for the demands of a scenario, counted where the users would see it: each published demand's
 * DemandPublished and MatchesProposed on the broker (distinct events, so a relay's resend of the same event is not a
 * second effect) and the one inbox entry that tells of its matches (the enterprise's, or its city's when no provider
 * qualified), plus one for each provider that joined later and was proposed to it. Also the totals a rewind must
 * leave as they were.
 */
final class Effects implements AutoCloseable {

    private static final List<String> MATCH_NEWS = List.of("MATCHES_PROPOSED", "NO_QUALIFIED_MATCH");

    private final MongoClient mongo;
    private final Observations seen;

    Effects(String mongoUri, Observations seen) {
        this.mongo = MongoClients.create(mongoUri);
        this.seen = seen;
    }

    /** The inbox entries about matches, by the demand they are about (texts name it by its title, never its id). */
    Map<String, Integer> matchNewsByDemand() {
        Map<String, Integer> entries = new HashMap<>();
        for (Document entry : mongo.getDatabase("notification-service").getCollection("inbox")
                .find(Filters.in("type", MATCH_NEWS)).projection(Projections.include("demandId"))) {
            String demand = entry.getString("demandId");
            if (demand != null) {
                entries.merge(demand, 1, Integer::sum);
            }
        }
        return entries;
    }

    /** Whether every demand has its inbox entry yet. */
    boolean allNewsArrived(Set<String> demands) {
        Map<String, Integer> news = matchNewsByDemand();
        return demands.stream().allMatch(news::containsKey);
    }

    /** What is wrong with the demands' effects, one line per kind of fault with a few examples; empty when none. */
    List<String> problems(Set<String> demands) {
        Map<String, Integer> news = matchNewsByDemand();
        Map<String, List<String>> wrong = new HashMap<>();
        for (String demand : demands) {
            check(wrong, "DemandPublished events", seen.distinctEvents("DemandPublished", demand), demand);
            check(wrong, "MatchesProposed events", seen.distinctEvents("MatchesProposed", demand), demand);
            // Each late comer proposed to the demand (reverse matching) is news of its own.
            int lateComers = seen.distinctEvents(Observations.LATE_COMER, demand);
            check(wrong, "inbox entries about its matches beyond its late comers",
                    news.getOrDefault(demand, 0) - lateComers, demand);
        }
        List<String> problems = new ArrayList<>();
        wrong.forEach((what, examples) -> problems.add(examples.size() + " demands without exactly one " + what
                + " (e.g. " + String.join(", ", examples.subList(0, Math.min(3, examples.size()))) + ")"));
        return problems;
    }

    private static void check(Map<String, List<String>> wrong, String what, int count, String demand) {
        if (count != 1) {
            wrong.computeIfAbsent(what, w -> new ArrayList<>()).add(demand + ": " + count);
        }
    }

    /**
     * The webhook deliveries to an endpoint by outcome: SENT, PENDING, or FAILED with its reason ("FAILED: HTTP 503").
     */
    Map<String, Long> webhookOutcomes(String endpointId) {
        Map<String, Long> outcomes = new TreeMap<>();
        for (Document delivery : deliveries(endpointId)) {
            String state = delivery.getString("state");
            outcomes.merge("FAILED".equals(state) ? state + ": " + delivery.getString("failure") : state, 1L,
                    Long::sum);
        }
        return outcomes;
    }

    /** The most calls the service made for one delivery to the endpoint. */
    int mostAttempts(String endpointId) {
        int most = 0;
        for (Document delivery : deliveries(endpointId)) {
            most = Math.max(most, delivery.getInteger("attempts", 0));
        }
        return most;
    }

    private Iterable<Document> deliveries(String endpointId) {
        return mongo.getDatabase("notification-service").getCollection("deliveries")
                .find(Filters.eq("endpointId", endpointId))
                .projection(Projections.include("state", "failure", "attempts"));
    }

    /** Documents in a service's collection. */
    long count(String service, String collection) {
        return mongo.getDatabase(service).getCollection(collection).countDocuments();
    }

    @Override
    public void close() {
        mongo.close();
    }
}
