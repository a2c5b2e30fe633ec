package cn.innovationchina.notification.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.events.Refusal;

/**
 * Why nobody qualified for a demand, read from {@code MatchesProposed.unmatchedReason}: an English sentence matching
 * writes in one of three shapes ("No provider's profile matches ...", "No candidate qualified: 3 no free capacity,
 * 1 conflict of interest, 2 no shared word or field", "Every qualifying provider is already matched ..."), counting
 * candidates by the event contract's {@link Refusal}s; {@code otherRefusals} counts those refused for a reason this
 * service does not know yet. Reading the shapes lets the texts say the reason in either language; a sentence of any
 * other shape is kept as written, and only the English text shows it (ADR 0039).
 */
public record UnmatchedReason(Kind kind, Map<Refusal, Integer> refusals, int otherRefusals, String sentence) {

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

    private static final Pattern REFUSED = Pattern.compile("(\\d+) ([a-z ]+)");

    public UnmatchedReason {
        var byRule = new EnumMap<Refusal, Integer>(Refusal.class);
        byRule.putAll(refusals);
        refusals = Collections.unmodifiableMap(byRule);
    }

    public static UnmatchedReason read(@Nullable String sentence) {
        String said = sentence == null ? "" : sentence.strip().replaceFirst("\\.$", "");
        if (said.isEmpty()) {
            return new UnmatchedReason(Kind.UNSTATED, Map.of(), 0, said);
        }
        if (said.startsWith("No provider's profile matches")) {
            return new UnmatchedReason(Kind.NO_CANDIDATE, Map.of(), 0, said);
        }
        if (said.startsWith("Every qualifying provider is already matched")) {
            return new UnmatchedReason(Kind.ALREADY_MATCHED, Map.of(), 0, said);
        }
        if (said.startsWith("No candidate qualified:")) {
            Map<Refusal, Integer> refusals = new EnumMap<>(Refusal.class);
            int other = 0;
            for (String part : said.substring(said.indexOf(':') + 1).split(",")) {
                Matcher counted = REFUSED.matcher(part.trim());
                if (counted.matches()) {
                    int count = Integer.parseInt(counted.group(1));
                    var refusal = Refusal.inWords(counted.group(2));
                    if (refusal.isPresent()) {
                        refusals.merge(refusal.get(), count, Integer::sum);
                    } else {
                        other += count;
                    }
                }
            }
            if (!refusals.isEmpty() || other > 0) {
                return new UnmatchedReason(Kind.NOBODY_QUALIFIED, refusals, other, said);
            }
        }
        return new UnmatchedReason(Kind.UNRECOGNISED, Map.of(), 0, said);
    }
}
