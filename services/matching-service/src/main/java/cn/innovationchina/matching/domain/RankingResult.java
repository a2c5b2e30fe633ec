package cn.innovationchina.matching.domain;

import java.util.List;

/** A demand's list, best first; when it is empty, {@code unmatchedReason} says why in words. */
public record RankingResult(List<RankedProvider> proposals, String unmatchedReason) {
}
