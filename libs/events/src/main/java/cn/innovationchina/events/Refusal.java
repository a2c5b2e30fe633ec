package cn.innovationchina.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Why matching leaves a candidate off a demand's list: a hard rule, or no word or field in common. When nobody
 * qualifies, {@link MatchesProposed#unmatchedReason()} counts the candidates by these, in their {@link #words()}
 * ("No candidate qualified: 2 no free capacity, 1 conflict of interest"), which is how a reader tells them apart.
 */
public enum Refusal {
    INACTIVE,
    UNAVAILABLE,
    NO_FREE_CAPACITY,
    CONFLICT_OF_INTEREST,
    MODES_DO_NOT_FIT,
    UNVERIFIED_FOR_CONFIDENTIAL_DEMAND,
    /** Not a hard rule: matching proposes nobody without a word or a field in common with the demand. */
    NO_SHARED_WORD_OR_FIELD;

    /** The refusal as the unmatched reason writes it, e.g. "no free capacity". */
    public String words() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The refusal written as {@code words}, if it is one. */
    public static Optional<Refusal> inWords(String words) {
        String written = words.strip();
        return Arrays.stream(values()).filter(refusal -> refusal.words().equals(written)).findFirst();
    }
}
