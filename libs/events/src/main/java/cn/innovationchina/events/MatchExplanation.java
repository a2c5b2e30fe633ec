package cn.innovationchina.events;

import java.util.List;

/** Why a provider was picked, in terms a person can check. */
public record MatchExplanation(
        List<String> matchedTerms,
        List<String> matchedFieldCodes,
        LocationRelation location,
        int freeCapacity,
        String summary) {
}
