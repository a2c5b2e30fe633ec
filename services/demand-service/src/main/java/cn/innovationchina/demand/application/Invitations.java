package cn.innovationchina.demand.application;

import org.springframework.stereotype.Service;

import cn.innovationchina.demand.persistence.InvitationDocuments;
import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.ProviderInvited;
import reactor.core.publisher.Mono;

/** Matching invited a provider to a demand: from then on the provider may read it, even a confidential one. */
@Service
public class Invitations {

    private final InvitationDocuments documents;

    Invitations(InvitationDocuments documents) {
        this.documents = documents;
    }

    public Mono<Void> record(EventEnvelope<ProviderInvited> event) {
        var invited = event.payload();
        return documents.record(invited.demandId(), invited.providerId(), event.occurredAt());
    }
}
