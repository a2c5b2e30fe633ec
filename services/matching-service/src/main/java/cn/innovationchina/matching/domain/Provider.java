package cn.innovationchina.matching.domain;

import java.util.Optional;

import cn.innovationchina.events.Availability;
import cn.innovationchina.events.ProviderAvailabilityChanged;
import cn.innovationchina.events.ProviderDeactivated;
import cn.innovationchina.events.ProviderEvent;
import cn.innovationchina.events.ProviderProfile;
import cn.innovationchina.events.ProviderProfileUpdated;
import cn.innovationchina.events.ProviderRegistered;
import cn.innovationchina.events.ProviderVerified;

/** A provider as matching knows it: the latest whole profile from the expert service, and whether it is active. */
public record Provider(String id, ProviderProfile profile, boolean active, long version) {

    /**
     * The provider after an event at the given version, from what was known before it (null if nothing was);
     * empty when the event says nothing about a provider not known yet.
     */
    public static Optional<Provider> after(Provider before, ProviderEvent event, long version) {
        if (event instanceof ProviderRegistered registered) {
            return Optional.of(new Provider(registered.providerId(), registered.profile(),
                    before == null || before.active(), version));
        }
        if (event instanceof ProviderProfileUpdated updated) {
            return Optional.of(new Provider(updated.providerId(), updated.profile(),
                    before == null || before.active(), version));
        }
        if (before == null) {
            return Optional.empty();
        }
        if (event instanceof ProviderAvailabilityChanged changed) {
            return Optional.of(before.withAvailability(changed.availability(), version));
        }
        if (event instanceof ProviderVerified) {
            return Optional.of(before.verified(version));
        }
        if (event instanceof ProviderDeactivated) {
            return Optional.of(before.deactivated(version));
        }
        return Optional.empty();
    }

    public Provider withProfile(ProviderProfile changed, long newVersion) {
        return new Provider(id, changed, active, newVersion);
    }

    public Provider withAvailability(Availability availability, long newVersion) {
        var p = profile;
        return withProfile(new ProviderProfile(p.name(), p.kind(), p.affiliation(), p.affiliationCreditCode(),
                p.title(), p.fieldCodes(), p.skills(), p.keywords(), p.summary(), p.achievements(), p.services(),
                p.cityCode(), p.divisionCode(), p.regionsServed(), p.languages(), p.capacity(), availability,
                p.availableFrom(), p.conflictCreditCodes(), p.memberOf(), p.verified()), newVersion);
    }

    public Provider verified(long newVersion) {
        var p = profile;
        return withProfile(new ProviderProfile(p.name(), p.kind(), p.affiliation(), p.affiliationCreditCode(),
                p.title(), p.fieldCodes(), p.skills(), p.keywords(), p.summary(), p.achievements(), p.services(),
                p.cityCode(), p.divisionCode(), p.regionsServed(), p.languages(), p.capacity(), p.availability(),
                p.availableFrom(), p.conflictCreditCodes(), p.memberOf(), true), newVersion);
    }

    public Provider deactivated(long newVersion) {
        return new Provider(id, profile, false, newVersion);
    }
}
