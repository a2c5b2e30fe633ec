package cn.innovationchina.matching.domain;

import java.util.Locale;
import java.util.Optional;

import cn.innovationchina.events.Availability;
import cn.innovationchina.events.Refusal;
import cn.innovationchina.events.Visibility;

/**
 * The rules no score can outweigh. A provider is proposed only if it is active, available, has free capacity
 * (capacity minus active engagements), has no conflict of interest with the demanding enterprise (same credit
 * code, affiliated with it by credit code or by name, or a declared conflict), offers one of the demand's
 * cooperation modes (a demand naming none accepts any), and, for a CONFIDENTIAL demand, is verified.
 */
public final class HardRules {

    private final Demand demand;
    private final String creditCode;
    /** The enterprise's name as compared with each candidate's affiliation: normalised once per demand. */
    private final String enterpriseName;

    private HardRules(Demand demand) {
        this.demand = demand;
        this.creditCode = demand.enterprise().creditCode().trim();
        this.enterpriseName = normalised(demand.enterprise().name());
    }

    /** The rules as they apply to the candidates of one demand. */
    public static HardRules of(Demand demand) {
        return new HardRules(demand);
    }

    public Optional<Refusal> refusal(Candidate candidate) {
        var profile = candidate.provider().profile();
        if (!candidate.provider().active()) {
            return Optional.of(Refusal.INACTIVE);
        }
        if (profile.availability() != Availability.AVAILABLE) {
            return Optional.of(Refusal.UNAVAILABLE);
        }
        if (freeCapacity(candidate) <= 0) {
            return Optional.of(Refusal.NO_FREE_CAPACITY);
        }
        if (conflictOfInterest(candidate.provider())) {
            return Optional.of(Refusal.CONFLICT_OF_INTEREST);
        }
        var modes = demand.content().cooperationModes();
        if (!modes.isEmpty() && profile.services().stream().noneMatch(modes::contains)) {
            return Optional.of(Refusal.MODES_DO_NOT_FIT);
        }
        if (demand.content().visibility() == Visibility.CONFIDENTIAL && !profile.verified()) {
            return Optional.of(Refusal.UNVERIFIED_FOR_CONFIDENTIAL_DEMAND);
        }
        return Optional.empty();
    }

    public static int freeCapacity(Candidate candidate) {
        return candidate.provider().profile().capacity() - candidate.trackRecord().activeEngagements();
    }

    private boolean conflictOfInterest(Provider provider) {
        var profile = provider.profile();
        boolean sameCreditCode = !creditCode.isEmpty()
                && (creditCode.equalsIgnoreCase(nullToEmpty(profile.affiliationCreditCode()))
                        || profile.conflictCreditCodes().stream()
                                .anyMatch(code -> creditCode.equalsIgnoreCase(code.trim())));
        if (sameCreditCode) {
            return true;
        }
        return sameName(enterpriseName, profile.affiliation()) || sameName(enterpriseName, profile.memberOf());
    }

    private static boolean sameName(String normalisedEnterprise, String other) {
        return other != null && !other.isBlank() && normalisedEnterprise.equals(normalised(other));
    }

    /**
     * A name as a comparison sees it: without spaces and ASCII punctuation, full-width brackets included, lower case.
     * Asked for every candidate of every demand, so it walks the characters instead of running a regular expression.
     */
    private static String normalised(String name) {
        StringBuilder kept = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isIgnoredInAName(c)) {
                kept.append(c);
            }
        }
        return kept.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isIgnoredInAName(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || (c > ' ' && c < 0x7F && !Character.isLetterOrDigit(c))
                || c == '（' || c == '）';
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value.trim();
    }
}
