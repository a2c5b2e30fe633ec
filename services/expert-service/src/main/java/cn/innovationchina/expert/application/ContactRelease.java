package cn.innovationchina.expert.application;

import org.springframework.stereotype.Service;

import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.InvitationAccepted;
import cn.innovationchina.expert.persistence.ContactReleases;
import cn.innovationchina.platform.security.PlatformUser;
import cn.innovationchina.platform.security.Role;
import reactor.core.publisher.Mono;

/**
 * An enterprise sees a provider's contact data once the provider accepted one of its invitations, and from then on
 * (the docking, the contract and the feedback all need it). Nobody else gets it from here.
 */
@Service
public class ContactRelease {

    private final ContactReleases releases;

    ContactRelease(ContactReleases releases) {
        this.releases = releases;
    }

    public Mono<Void> accepted(EventEnvelope<InvitationAccepted> event) {
        var accepted = event.payload();
        return releases.release(accepted.providerId(), accepted.enterpriseId(), accepted.matchId());
    }

    public Mono<Boolean> isReleasedTo(PlatformUser user, String providerId) {
        if (!user.is(Role.ENTERPRISE) || user.organisationId() == null) {
            return Mono.just(false);
        }
        return releases.isReleased(providerId, user.organisationId());
    }
}
