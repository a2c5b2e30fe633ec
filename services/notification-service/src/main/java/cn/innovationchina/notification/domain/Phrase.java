package cn.innovationchina.notification.domain;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.events.DeclineReason;
import cn.innovationchina.events.LocationRelation;
import cn.innovationchina.events.MatchExplanation;

/**
 * A piece of a notification whose words depend on the recipient's language. Notices name things the way people know
 * them (a demand by its title, a provider by its name, a field by its name) and never by an id; the texts say each
 * phrase in the recipient's language.
 */
public sealed interface Phrase {

    /** A demand by its title; a demand whose title this service never heard of is "a technology demand". */
    record Demand(@Nullable String title) implements Phrase {
    }

    /** A provider by its name; one whose name this service never heard of is "a provider". */
    record Provider(@Nullable String name) implements Phrase {
    }

    /** Words a person wrote (a reason, a name): shown as written, in whatever language that was. */
    record Verbatim(String words) implements Phrase {
    }

    /** A number the texts may agree with ("1 match", "2 matches"). */
    record Count(long value) implements Phrase {
    }

    record Day(LocalDate date) implements Phrase {
    }

    record Amount(long cny) implements Phrase {
    }

    record Mode(CooperationMode mode) implements Phrase {
    }

    /** Why a provider declined, and what it added in its own words. */
    record Declined(DeclineReason reason, @Nullable String note) implements Phrase {
    }

    /**
     * Why a provider was proposed, from the parts of matching's explanation: the words the demand and the profile
     * share (the users' own words, shown as they are), the fields they share, where the provider is, and how much more
     * it can take on. Matching's English {@code summary} is never shown: it would be English inside a Chinese text.
     */
    record Why(List<String> terms, List<String> fieldCodes, LocationRelation location, int freeCapacity)
            implements Phrase {

        public Why {
            terms = List.copyOf(terms);
            fieldCodes = List.copyOf(fieldCodes);
        }

        public static Why of(MatchExplanation explanation) {
            return new Why(explanation.matchedTerms(), explanation.matchedFieldCodes(), explanation.location(),
                    explanation.freeCapacity());
        }
    }

    /** Why nobody qualified for a demand. */
    record Unmatched(UnmatchedReason reason) implements Phrase {
    }
}
