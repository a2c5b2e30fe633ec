package cn.innovationchina.notification.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Why nobody qualified for a demand, read from {@code MatchesProposed.unmatchedReason}: an English sentence matching
 * writes in one of three shapes ("No provider's profile matches ...", "No candidate qualified: 3 no free capacity,
 * 1 conflict of interest, 2 no shared word or field", "Every qualifying provider is already matched ..."). Reading the shapes lets the texts say
 * the reason in either language; a sentence of any other shape is kept as written, and only the English text shows
 * it (ADR 0039).
 */
public record UnmatchedReason(Kind kind, Map<Refusal, Integer> refusals, String sentence) {

    public enum Kind {
        /** No profile matched the demand's words or fields at all. */
        NO_CANDIDATE,
        /** Some profiles matched, and the hard rules refused each of them. */
        NOBODY_QUALIFIED,
        /** Every qualifying provider is matched with the demand already. */
        ALREADY_MATCHED,
        /** A sentence of no known shape. */
        UNRECOGNISED,
        /** No sentence at all. */
        UNSTATED
    }

    /** The hard rules of matching that refuse a candidate; a rule this service does not know counts as OTHER. */
    public enum Refusal {
        INACTIVE,
        UNAVAILABLE,
        NO_FREE_CAPACITY,
        CONFLICT_OF_INTEREST,
        MODES_DO_NOT_FIT,
        UNVERIFIED_FOR_CONFIDENTIAL_DEMAND,
        /** Matching proposes nobody without a word or a field in common with the demand (ADR 0035). */
        NO_SHARED_WORD_OR_FIELD,
        OTHER
    }

    private static final Pattern REFUSED = Pattern.compile("(\\d+) ([a-z ]+)");

    public UnmatchedReason {
        var byRule = new EnumMap<Refusal, Integer>(Refusal.class);
        byRule.putAll(refusals);
        refusals = Collections.unmodifiableMap(byRule);
    }

    public static UnmatchedReason read(@Nullable String sentence) {
        String said = sentence == null ? "" : sentence.strip().replaceFirst("\\.$", "");
        if (said.isEmpty()) {
            return new UnmatchedReason(Kind.UNSTATED, Map.of(), said);
        }
        if (said.startsWith("No provider's profile matches")) {
            return new UnmatchedReason(Kind.NO_CANDIDATE, Map.of(), said);
        }
        if (said.startsWith("Every qualifying provider is already matched")) {
            return new UnmatchedReason(Kind.ALREADY_MATCHED, Map.of(), said);
        }
        if (said.startsWith("No candidate qualified:")) {
            Map<Refusal, Integer> refusals = new EnumMap<>(Refusal.class);
            for (String part : said.substring(said.indexOf(':') + 1).split(",")) {
                Matcher counted = REFUSED.matcher(part.trim());
                if (counted.matches()) {
                    refusals.merge(refusal(counted.group(2)), Integer.parseInt(counted.group(1)), Integer::sum);
                }
            }
            if (!refusals.isEmpty()) {
                return new UnmatchedReason(Kind.NOBODY_QUALIFIED, refusals, said);
            }
        }
        return new UnmatchedReason(Kind.UNRECOGNISED, Map.of(), said);
    }

    private static Refusal refusal(String words) {
        String name = words.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
        for (Refusal refusal : Refusal.values()) {
            if (refusal.name().equals(name)) {
                return refusal;
            }
        }
        return Refusal.OTHER;
    }
}
