package cn.innovationchina.matching.domain;

import java.util.List;
import java.util.Map;

/**
 * What a provider's past matches say about it, built from match events. Each list holds match ids (or one entry
 * per match), so applying the same event twice changes nothing.
 *
 * @param accepted matches whose invitation the provider accepted
 * @param contracted matches that ended in a signed contract
 * @param ratings the enterprise's feedback (1-5) per match
 * @param engaged accepted matches not yet closed: they take capacity
 * @param mismatches declines "outside my expertise" and dismissals "not relevant", with the demand's fields
 */
public record TrackRecord(String id, List<String> accepted, List<String> contracted, Map<String, Integer> ratings,
        List<String> engaged, List<Mismatch> mismatches) {

    /** A match that did not fit, remembered with the fields of its demand so similar demands rank it lower. */
    public record Mismatch(String matchId, List<String> fieldCodes) {
    }

    public static TrackRecord none(String providerId) {
        return new TrackRecord(providerId, List.of(), List.of(), Map.of(), List.of(), List.of());
    }

    public int activeEngagements() {
        return engaged.size();
    }

    /**
     * 0..1: half experience (accepted invitations count 1, contracts 2, saturating at 10), half the average
     * enterprise rating (a provider nobody rated yet sits in the middle, so newcomers are not buried).
     */
    public double score() {
        double experience = Math.min(1.0, (accepted.size() + 2.0 * contracted.size()) / 10.0);
        double rating = ratings.isEmpty() ? 0.5
                : (ratings.values().stream().mapToInt(Integer::intValue).average().orElse(3) - 1) / 4.0;
        return 0.5 * experience + 0.5 * rating;
    }

    /** How many earlier mismatches were for demands sharing a field with these. */
    public long mismatchesSimilarTo(List<String> fieldCodes) {
        return mismatches.stream().filter(m -> m.fieldCodes().stream().anyMatch(fieldCodes::contains)).count();
    }
}
