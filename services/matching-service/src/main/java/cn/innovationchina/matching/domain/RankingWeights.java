package cn.innovationchina.matching.domain;

/**
 * The ranking formula's weights and limits (configured under {@code matching.ranking}, documented in ADR 0013).
 * The five component scores are each in 0..1, so with weights summing to 1 a score is in 0..1 before penalties.
 */
public record RankingWeights(double text, double field, double location, double capacity, double trackRecord,
        double mismatchPenalty, int perAffiliationCap, int topK) {

    public RankingWeights {
        if (topK < 1 || perAffiliationCap < 1) {
            throw new IllegalArgumentException("topK and perAffiliationCap must be at least 1");
        }
    }

    public static RankingWeights standard() {
        return new RankingWeights(0.40, 0.25, 0.15, 0.10, 0.10, 0.15, 2, 10);
    }
}
