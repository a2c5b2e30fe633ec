package cn.innovationchina.matching.domain;

import cn.innovationchina.events.MatchExplanation;

/** One provider on a demand's list, with its score and the explanation a person can check. */
public record RankedProvider(Provider provider, int rank, double score, MatchExplanation explanation) {
}
