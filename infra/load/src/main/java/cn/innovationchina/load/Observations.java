package cn.innovationchina.load;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the probes saw, by demand id, whichever step the demand belongs to: when MatchesProposed reached Kafka (the
 * harness's clock), when its inbox entry was written (the service's clock) and when the enterprise's live stream
 * carried it (the harness's clock). A step joins its own responses with these.
 */
public final class Observations {

    /** MatchesProposed as the probe consumed it; {@code proposals} 0 means no qualified provider. */
    public record Proposed(long nanos, int proposals) {
    }

    /** The enterprise's MATCHES_PROPOSED entry: written at {@code createdAt}, streamed at {@code streamedNanos}. */
    public record Delivered(Instant createdAt, long streamedNanos) {
    }

    /** The type noted for a MatchesProposed that adds a late-coming provider to a demand already ranked. */
    public static final String LATE_COMER = "MatchesProposed(late comer)";

    final Map<String, Proposed> proposed = new ConcurrentHashMap<>();
    final Map<String, Delivered> delivered = new ConcurrentHashMap<>();
    /** The distinct ids of each demand's DemandPublished and MatchesProposed events ("type/demandId"). */
    private final Map<String, Set<String>> eventIds = new ConcurrentHashMap<>();

    /** The demand's MatchesProposed as the probe saw it, or null. */
    public Proposed proposal(String demandId) {
        return proposed.get(demandId);
    }

    /** The demand's MATCHES_PROPOSED entry as a live stream carried it, or null. */
    public Delivered delivery(String demandId) {
        return delivered.get(demandId);
    }

    /** How many distinct DemandPublished and MatchesProposed events the probes saw, over all demands. */
    public int distinctEventCount() {
        return eventIds.values().stream().mapToInt(Set::size).sum();
    }

    void noteEvent(String type, String demandId, String eventId) {
        eventIds.computeIfAbsent(type + "/" + demandId, key -> ConcurrentHashMap.newKeySet()).add(eventId);
    }

    /**
     * How many distinct events of a type the broker carried for a demand. A relay that crashed between sending and
     * marking sends the same event again (same id): that is not counted twice; a second ranking would be.
     */
    public int distinctEvents(String type, String demandId) {
        return eventIds.getOrDefault(type + "/" + demandId, Set.of()).size();
    }

    /** Every demand id any probe saw an event of this type for. */
    public Set<String> demandsWith(String type) {
        Set<String> demands = new java.util.HashSet<>();
        eventIds.keySet().stream().filter(key -> key.startsWith(type + "/"))
                .forEach(key -> demands.add(key.substring(type.length() + 1)));
        return demands;
    }
}
