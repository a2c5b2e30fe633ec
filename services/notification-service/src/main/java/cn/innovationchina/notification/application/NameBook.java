package cn.innovationchina.notification.application;

import java.util.LinkedHashMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.innovationchina.events.DemandEvent;
import cn.innovationchina.events.DemandPublished;
import cn.innovationchina.events.DemandRevised;
import cn.innovationchina.events.DemandSubmitted;
import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.InvitationAccepted;
import cn.innovationchina.events.InvitationDeclined;
import cn.innovationchina.events.MatchEvent;
import cn.innovationchina.events.MatchesProposed;
import cn.innovationchina.events.Proposal;
import cn.innovationchina.events.ProviderProfileUpdated;
import cn.innovationchina.events.ProviderRegistered;
import cn.innovationchina.notification.domain.Names;
import cn.innovationchina.notification.persistence.KnownNames;
import reactor.core.publisher.Mono;

/**
 * Learns what demands and providers are called from the events that say it, and tells what the subjects of an event
 * are called, so the notices about it name them (ADR 0039). The event that names a demand names it in its own notices
 * without a lookup.
 */
@Component
public class NameBook {

    private final KnownNames known;

    NameBook(KnownNames known) {
        this.known = known;
    }

    /**
     * A demand submitted for review is named for the review's outcome. One submitted where no review is required is
     * published by the same write, and that event, next on the partition, names it: nothing to write twice.
     */
    public Mono<Void> submitted(EventEnvelope<DemandSubmitted> event) {
        var submitted = event.payload();
        return submitted.reviewRequired()
                ? known.demandTitled(submitted.demandId(), submitted.title(), event.aggregateVersion())
                : Mono.empty();
    }

    public Mono<Void> published(EventEnvelope<DemandPublished> event) {
        var published = event.payload();
        return known.demandTitled(published.demandId(), published.content().title(), event.aggregateVersion());
    }

    public Mono<Void> revised(EventEnvelope<DemandRevised> event) {
        var revised = event.payload();
        return known.demandTitled(revised.demandId(), revised.content().title(), event.aggregateVersion());
    }

    public Mono<Void> registered(EventEnvelope<ProviderRegistered> event) {
        var registered = event.payload();
        return known.providerNamed(registered.providerId(), registered.profile().name(), event.aggregateVersion());
    }

    public Mono<Void> profileUpdated(EventEnvelope<ProviderProfileUpdated> event) {
        var updated = event.payload();
        return known.providerNamed(updated.providerId(), updated.profile().name(), event.aggregateVersion());
    }

    public Mono<Void> proposed(EventEnvelope<MatchesProposed> event) {
        return known.providersProposed(event.payload().proposals().stream().collect(Collectors.toMap(
                Proposal::providerId, Proposal::providerName, (first, again) -> first, LinkedHashMap::new)));
    }

    /** An event that carries the demand's title names it so itself; only the others look the title up. */
    public Mono<Names> about(DemandEvent event) {
        String title = titleCarried(event);
        return title != null ? Mono.just(new Names(title, null)) : known.about(event.demandId(), null);
    }

    private static @Nullable String titleCarried(DemandEvent event) {
        if (event instanceof DemandSubmitted submitted) {
            return submitted.title();
        }
        if (event instanceof DemandPublished published) {
            return published.content().title();
        }
        if (event instanceof DemandRevised revised) {
            return revised.content().title();
        }
        return null;
    }

    /** A proposal carries its demand's title (those from before it did look it up); the other events look it up. */
    public Mono<Names> about(MatchEvent event) {
        if (event instanceof MatchesProposed proposed && proposed.demandTitle() != null) {
            return Mono.just(new Names(proposed.demandTitle(), null));
        }
        return known.about(event.demandId(), providerTold(event));
    }

    /** The provider an event tells the enterprise about by name; the other events name none. */
    private static @Nullable String providerTold(MatchEvent event) {
        if (event instanceof InvitationAccepted accepted) {
            return accepted.providerId();
        }
        if (event instanceof InvitationDeclined declined) {
            return declined.providerId();
        }
        return null;
    }
}
