package cn.innovationchina.matching.domain;

/**
 * The ranking formula's weights and limits (configured under {@code matching.ranking}, documented in ADR 0013 and
 * ADR 0035). The five component scores are each in 0..1, so with weights summing to 1 a score is in 0..1 before
 * penalties. Text and field make a provider's relevance; location, capacity and track record only break near-ties.
 */
public record RankingWeights(double text, double field, double location, double capacity, double trackRecord,
        double mismatchPenalty, int perAffiliationCap, int topK) {

    public RankingWeights {
        if (topK < 1 || perAffiliationCap < 1) {
            throw new IllegalArgumentException("topK and perAffiliationCap must be at least 1");
        }
    }

    public static RankingWeights standard() {
        return new RankingWeights(0.70, 0.22, 0.03, 0.02, 0.03, 0.15, 2, 10);
    }

    /**
     * The most location, capacity and track record together can add: two providers whose relevance differs by more
     * keep their order whatever these say.
     */
    public double tieBreakers() {
        return location + capacity + trackRecord;
    }
}
