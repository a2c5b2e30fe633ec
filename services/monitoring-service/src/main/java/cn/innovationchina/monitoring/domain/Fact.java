package cn.innovationchina.monitoring.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.events.ContractSigned;
import cn.innovationchina.events.DemandEvent;
import cn.innovationchina.events.DemandPublished;
import cn.innovationchina.events.DemandRevised;
import cn.innovationchina.events.DemandSubmitted;
import cn.innovationchina.events.DomainEvent;
import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.MatchEvent;
import cn.innovationchina.events.MatchesProposed;
import cn.innovationchina.events.MatchShortlisted;
import cn.innovationchina.events.InvitationAccepted;
import cn.innovationchina.events.LocationRelation;
import cn.innovationchina.events.EngagementClosed;
import cn.innovationchina.events.Proposal;
import cn.innovationchina.events.ProviderEvent;
import cn.innovationchina.events.ProviderProfile;
import cn.innovationchina.events.ProviderProfileUpdated;
import cn.innovationchina.events.ProviderRegistered;
import cn.innovationchina.reference.PilotCities;

/**
 * One event as the monitoring figures need it, kept under the event's id so a redelivered event is the same fact.
 * Every figure is computed from facts, so replaying the topics into an empty store gives the same figures.
 *
 * @param day                  the day the event happened in China, whenever it was delivered
 * @param demandId             the demand the event is about, if any
 * @param title                the demand's title, on submissions, publications and revisions
 * @param fieldCodes           the demand's technology fields, on submissions, publications and revisions
 * @param proposals            providers proposed, on a MatchesProposed
 * @param crossRegionProposals of those, providers from another region than the demand's city
 * @param valueCny             the contract value, on a ContractSigned
 * @param crossRegion          a contract signed with a provider from another region
 * @param providerId           the provider a provider event or a match's lifecycle event is about
 * @param proposedProviderIds  the providers proposed, on a MatchesProposed
 * @param capacity             the provider's capacity (concurrent engagements), on a registration or update
 * @param verified             the provider's profile says verified, on a registration or update
 */
public record Fact(String eventId, String type, @Nullable String cityCode, LocalDate day, Instant occurredAt,
        @Nullable String demandId, @Nullable String title, List<String> fieldCodes, int proposals,
        int crossRegionProposals, long valueCny, boolean crossRegion, @Nullable String providerId,
        List<String> proposedProviderIds, int capacity, boolean verified) {

    public Fact {
        fieldCodes = List.copyOf(fieldCodes);
        proposedProviderIds = List.copyOf(proposedProviderIds);
    }

    public static Fact of(EventEnvelope<? extends DomainEvent> event, PilotCities cities) {
        DomainEvent payload = event.payload();
        String demandId = payload instanceof DemandEvent demand ? demand.demandId()
                : payload instanceof MatchEvent match ? match.demandId() : null;
        String title = null;
        List<String> fields = List.of();
        int proposals = 0;
        int crossRegionProposals = 0;
        long value = 0;
        boolean crossRegion = false;
        List<String> proposedIds = List.of();
        ProviderProfile profile = payload instanceof ProviderRegistered registered ? registered.profile()
                : payload instanceof ProviderProfileUpdated updated ? updated.profile() : null;
        if (payload instanceof DemandSubmitted submitted) {
            title = submitted.title();
            fields = submitted.fieldCodes();
        } else if (payload instanceof DemandPublished published) {
            title = published.content().title();
            fields = published.content().fieldCodes();
        } else if (payload instanceof DemandRevised revised) {
            title = revised.content().title();
            fields = revised.content().fieldCodes();
        } else if (payload instanceof MatchesProposed proposed) {
            proposals = proposed.proposals().size();
            proposedIds = proposed.proposals().stream().map(Proposal::providerId).toList();
            crossRegionProposals = (int) proposed.proposals().stream()
                    .filter(proposal -> proposal.explanation().location() == LocationRelation.CROSS_REGION)
                    .count();
        } else if (payload instanceof ContractSigned contract) {
            value = contract.valueCny();
            crossRegion = contract.location() != null ? contract.location() == LocationRelation.CROSS_REGION
                    : crossRegion(cities, contract.cityCode(), contract.providerCityCode());
        }
        return new Fact(event.eventId().toString(), event.type(), event.cityCode(),
                LocalDate.ofInstant(event.occurredAt(), PilotCities.ZONE), event.occurredAt(), demandId, title, fields,
                proposals, crossRegionProposals, value, crossRegion, providerOf(payload), proposedIds,
                profile == null ? 0 : profile.capacity(), profile != null && profile.verified());
    }

    /** Whether the value is one the figures count: every fact but a contract claiming more than the bound. */
    public boolean valueCounted() {
        return valueCny <= ContractSigned.MAX_VALUE_CNY;
    }

    public boolean is(String eventType) {
        return type.equals(eventType);
    }

    public boolean within(LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** The provider of a provider event, or of a match event showing its load (a MatchesProposed names several). */
    private static @Nullable String providerOf(DomainEvent payload) {
        if (payload instanceof ProviderEvent provider) {
            return provider.providerId();
        }
        if (payload instanceof MatchShortlisted shortlisted) {
            return shortlisted.providerId();
        }
        if (payload instanceof InvitationAccepted accepted) {
            return accepted.providerId();
        }
        if (payload instanceof EngagementClosed closed) {
            return closed.providerId();
        }
        return null;
    }

    /** For contracts signed before they carried where the provider was: by the two pilot cities. */
    private static boolean crossRegion(PilotCities cities, String demandCity, @Nullable String providerCity) {
        return cities.relation(demandCity, providerCity) == PilotCities.Relation.CROSS_REGION;
    }
}
