package cn.innovationchina.testkit.quality;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.events.Availability;
import cn.innovationchina.events.Visibility;

/**
 * Why a provider may not be proposed for a demand, decided from the set's own texts, independently of the
 * platform's hard rules: proposing such a provider is a violation of that kind, and it is left out of the ideal
 * ranking however good its profile.
 */
public enum Exclusion {
    /** The enterprise is the provider's own employer, a listed conflict, or the organisation it belongs to. */
    CONFLICT,
    /** Busy or on leave. */
    UNAVAILABLE,
    /** The demand names cooperation modes and the provider offers none of them. */
    MODE_MISMATCH,
    /** A confidential demand goes to verified providers only. */
    UNVERIFIED_FOR_CONFIDENTIAL,
    /** Its engagements under way fill its capacity. */
    NO_FREE_CAPACITY;

    /** Every reason this provider may not be proposed for this demand; empty when it is eligible. */
    public static Set<Exclusion> of(LabelledSet.Demand demand, LabelledSet.Provider provider) {
        Set<Exclusion> found = EnumSet.noneOf(Exclusion.class);
        if (conflicted(demand, provider)) {
            found.add(CONFLICT);
        }
        if (provider.availability() != Availability.AVAILABLE) {
            found.add(UNAVAILABLE);
        }
        if (!demand.modes().isEmpty() && provider.modes().stream().noneMatch(demand.modes()::contains)) {
            found.add(MODE_MISMATCH);
        }
        if (demand.visibility() == Visibility.CONFIDENTIAL && !provider.verified()) {
            found.add(UNVERIFIED_FOR_CONFIDENTIAL);
        }
        if (provider.freeCapacity() <= 0) {
            found.add(NO_FREE_CAPACITY);
        }
        return found;
    }

    public static boolean eligible(LabelledSet.Demand demand, LabelledSet.Provider provider) {
        return of(demand, provider).isEmpty();
    }

    /** The name in the report: lower case with dashes. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static boolean conflicted(LabelledSet.Demand demand, LabelledSet.Provider provider) {
        String code = demand.enterprise().creditCode();
        String name = plain(demand.enterprise().name());
        return code.equals(provider.affiliationCreditCode()) || provider.conflictCreditCodes().contains(code)
                || name.equals(plain(provider.affiliation())) || name.equals(plain(provider.memberOf()));
    }

    /** Names compared without spaces, punctuation (full-width brackets too) or case. */
    private static String plain(@Nullable String name) {
        return name == null ? "" : name.replaceAll("[\\s\\p{Punct}（）]", "").toLowerCase(Locale.ROOT);
    }
}
