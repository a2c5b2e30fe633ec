package cn.innovationchina.matching.domain;

import cn.innovationchina.events.Availability;
import cn.innovationchina.events.ProviderProfile;

/** A provider as matching knows it: the latest whole profile from the expert service, and whether it is active. */
public record Provider(String id, ProviderProfile profile, boolean active, long version) {

    public Provider withProfile(ProviderProfile changed, long newVersion) {
        return new Provider(id, changed, active, newVersion);
    }

    public Provider withAvailability(Availability availability, long newVersion) {
        var p = profile;
        return withProfile(new ProviderProfile(p.name(), p.kind(), p.affiliation(), p.affiliationCreditCode(),
                p.title(), p.fieldCodes(), p.skills(), p.keywords(), p.summary(), p.achievements(), p.services(),
                p.cityCode(), p.regionsServed(), p.languages(), p.capacity(), availability, p.availableFrom(),
                p.conflictCreditCodes(), p.memberOf(), p.verified()), newVersion);
    }

    public Provider verified(long newVersion) {
        var p = profile;
        return withProfile(new ProviderProfile(p.name(), p.kind(), p.affiliation(), p.affiliationCreditCode(),
                p.title(), p.fieldCodes(), p.skills(), p.keywords(), p.summary(), p.achievements(), p.services(),
                p.cityCode(), p.regionsServed(), p.languages(), p.capacity(), p.availability(), p.availableFrom(),
                p.conflictCreditCodes(), p.memberOf(), true), newVersion);
    }

    public Provider deactivated(long newVersion) {
        return new Provider(id, profile, false, newVersion);
    }
}
