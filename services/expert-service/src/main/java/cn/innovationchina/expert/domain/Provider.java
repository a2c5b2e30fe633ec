package cn.innovationchina.expert.domain;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.events.Availability;
import cn.innovationchina.events.ProviderAvailabilityChanged;
import cn.innovationchina.events.ProviderDeactivated;
import cn.innovationchina.events.ProviderKind;
import cn.innovationchina.events.ProviderProfile;
import cn.innovationchina.events.ProviderProfileUpdated;
import cn.innovationchina.events.ProviderRegistered;
import cn.innovationchina.events.ProviderVerified;
import cn.innovationchina.platform.domain.Decision;
import cn.innovationchina.platform.problem.Conflict;
import cn.innovationchina.platform.problem.IllegalTransition;
import cn.innovationchina.platform.problem.InvalidInput;
import cn.innovationchina.platform.problem.NotFound;

/**
 * An expert, institute, university lab, society or service organisation offering its services. Decisions return
 * the provider they lead to and the events to publish; nothing here stores or sends anything.
 *
 * @param externalId the id a bulk import gave it, unique per importer
 * @param memberOf   the society or institute whose service group it belongs to, if any
 * @param version    the stored version a decision is based on (0 before the first write)
 */
public record Provider(
        String id,
        @Nullable String externalId,
        @Nullable String memberOf,
        Profile profile,
        Contact contact,
        Availability availability,
        @Nullable LocalDate availableFrom,
        Verification verification,
        @Nullable String verifiedBy,
        ProviderStatus status,
        long version) {

    /** How long a leave may last: a longer absence is a deactivation, and no far date reaches the store. */
    public static final int MAX_YEARS_ON_LEAVE = 10;

    /** A new provider: active, unverified and available. */
    public static Decision<Provider> register(String id, @Nullable String externalId, @Nullable String memberOf,
            Profile profile, Contact contact) {
        var provider = new Provider(id, externalId, memberOf, profile, contact, Availability.AVAILABLE, null,
                Verification.UNVERIFIED, null, ProviderStatus.ACTIVE, 0);
        return Decision.of(provider, new ProviderRegistered(id, provider.published()));
    }

    /**
     * A new profile and contact; matching hears only of the profile, the contact stays here. A new kind undoes the
     * verification: an administrator vouched for an expert, not for the society it now says it is. A member stays
     * an expert (an organisation is never a member, ADR 0010).
     */
    public Decision<Provider> revise(Profile newProfile, Contact newContact) {
        requireActive(ProviderStatus.ACTIVE);
        if (memberOf != null && newProfile.isOrganisation()) {
            throw new Conflict("A member of " + memberOf + " is an expert: " + id + " leaves the group before it "
                    + "becomes a " + newProfile.kind());
        }
        boolean sameKind = newProfile.kind() == profile.kind();
        var revised = new Provider(id, externalId, memberOf, newProfile, newContact, availability, availableFrom,
                sameKind ? verification : Verification.UNVERIFIED, sameKind ? verifiedBy : null, status, version);
        if (newProfile.equals(profile)) {
            return Decision.of(revised);
        }
        return Decision.of(revised, new ProviderProfileUpdated(id, revised.published()));
    }

    /** ON_LEAVE needs the date the provider is back; the other states take none. */
    public Decision<Provider> changeAvailability(Availability newAvailability, @Nullable LocalDate until,
            LocalDate today) {
        requireActive(ProviderStatus.ACTIVE);
        if (newAvailability == Availability.ON_LEAVE && until == null) {
            throw new InvalidInput("until", "is required when on leave");
        }
        if (newAvailability == Availability.ON_LEAVE && !until.isAfter(today)) {
            throw new InvalidInput("until", "must be a future date");
        }
        if (newAvailability == Availability.ON_LEAVE && until.isAfter(today.plusYears(MAX_YEARS_ON_LEAVE))) {
            throw new InvalidInput("until", "must be at most " + MAX_YEARS_ON_LEAVE + " years from today; "
                    + "a provider away for longer deactivates its profile");
        }
        if (newAvailability != Availability.ON_LEAVE && until != null) {
            throw new InvalidInput("until", "is only allowed when on leave");
        }
        var changed = new Provider(id, externalId, memberOf, profile, contact, newAvailability, until,
                verification, verifiedBy, status, version);
        return Decision.of(changed, new ProviderAvailabilityChanged(id, newAvailability, until));
    }

    public Decision<Provider> verify(String administrator) {
        requireActive(ProviderStatus.ACTIVE);
        if (verification == Verification.VERIFIED) {
            throw new IllegalTransition(Verification.VERIFIED, Verification.VERIFIED);
        }
        var verified = new Provider(id, externalId, memberOf, profile, contact, availability, availableFrom,
                Verification.VERIFIED, administrator, status, version);
        return Decision.of(verified, new ProviderVerified(id, administrator));
    }

    public Decision<Provider> deactivate(@Nullable String reason) {
        requireActive(ProviderStatus.DEACTIVATED);
        var deactivated = new Provider(id, externalId, memberOf, profile, contact, availability, availableFrom,
                verification, verifiedBy, ProviderStatus.DEACTIVATED, version);
        return Decision.of(deactivated, new ProviderDeactivated(id, reason));
    }

    /** A society or institute adds a registered expert to its service group; an expert is in one group at most. */
    public Decision<Provider> joinGroup(String organisationId) {
        requireActive(ProviderStatus.ACTIVE);
        if (profile.isOrganisation()) {
            throw new Conflict("Only an expert can be a member of a group; " + id + " is a " + profile.kind());
        }
        if (organisationId.equals(memberOf)) {
            return Decision.of(this);
        }
        if (memberOf != null) {
            throw new Conflict(id + " is already a member of " + memberOf);
        }
        return inGroup(organisationId);
    }

    /** The group lets the expert go, or the expert leaves. */
    public Decision<Provider> leaveGroup(String organisationId) {
        requireActive(ProviderStatus.ACTIVE);
        if (!organisationId.equals(memberOf)) {
            throw new NotFound("Member " + id + " of", organisationId);
        }
        return inGroup(null);
    }

    /** Societies and institutes lead expert service groups: they onboard and list members. */
    public boolean leadsExpertGroup() {
        return isActive() && (profile.kind() == ProviderKind.SOCIETY || profile.kind() == ProviderKind.INSTITUTE);
    }

    /**
     * A group brings experts in (onboards or adds them) only once an administrator verified it: anyone may register
     * as a society, and an expert added to a group is not asked (ADR 0010).
     */
    public void requireVerifiedToEnrol() {
        if (verification != Verification.VERIFIED) {
            throw new Conflict(profile.kind() + " " + id + " must be verified by a platform administrator before it "
                    + "onboards or adds members");
        }
    }

    public Completeness completeness() {
        return Completeness.of(profile, contact);
    }

    public boolean isActive() {
        return status == ProviderStatus.ACTIVE;
    }

    /** What matching may know: the profile without any contact data. */
    public ProviderProfile published() {
        return new ProviderProfile(profile.name(), profile.kind(), profile.affiliation(),
                profile.affiliationCreditCode(), profile.title(), profile.fieldCodes(), profile.skills(),
                profile.keywords(), profile.summary(), profile.achievements(), profile.services(), profile.cityCode(),
                profile.divisionCode(), profile.regionsServed(), profile.languages(), profile.capacity(), availability, availableFrom,
                profile.conflictCreditCodes(), memberOf, verification == Verification.VERIFIED);
    }

    public Provider atVersion(long storedVersion) {
        return new Provider(id, externalId, memberOf, profile, contact, availability, availableFrom, verification,
                verifiedBy, status, storedVersion);
    }

    private Decision<Provider> inGroup(@Nullable String organisationId) {
        var changed = new Provider(id, externalId, organisationId, profile, contact, availability, availableFrom,
                verification, verifiedBy, status, version);
        return Decision.of(changed, new ProviderProfileUpdated(id, changed.published()));
    }

    private void requireActive(Enum<?> requested) {
        if (status == ProviderStatus.DEACTIVATED) {
            throw new IllegalTransition(ProviderStatus.DEACTIVATED, requested);
        }
    }
}
