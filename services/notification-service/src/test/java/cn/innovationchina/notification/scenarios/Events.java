package cn.innovationchina.notification.scenarios;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.events.Availability;
import cn.innovationchina.events.BudgetRange;
import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.events.DeclineReason;
import cn.innovationchina.events.DemandContent;
import cn.innovationchina.events.DemandPublished;
import cn.innovationchina.events.DemandRejected;
import cn.innovationchina.events.DemandRevised;
import cn.innovationchina.events.DemandSubmitted;
import cn.innovationchina.events.DockingStarted;
import cn.innovationchina.events.EnterpriseRef;
import cn.innovationchina.events.Visibility;
import cn.innovationchina.events.DomainEvent;
import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.InvitationDeclined;
import cn.innovationchina.events.LocationRelation;
import cn.innovationchina.events.MatchExplanation;
import cn.innovationchina.events.MatchShortlisted;
import cn.innovationchina.events.MatchTrigger;
import cn.innovationchina.events.MatchesProposed;
import cn.innovationchina.events.Proposal;
import cn.innovationchina.events.ProviderInvited;
import cn.innovationchina.events.ProviderKind;
import cn.innovationchina.events.ProviderProfile;
import cn.innovationchina.events.ProviderRegistered;
import cn.innovationchina.events.ProviderVerified;
import cn.innovationchina.testkit.EventPublisher;

/** Plays the demand and matching services: the events they would publish, sent to the real broker. */
final class Events {

    static final String CITY = "XIANNING";

    private Events() {
    }

    static EventEnvelope<ProviderInvited> invited(String demandId, String providerId, String enterpriseId) {
        return wrap(new ProviderInvited("m-" + providerId, demandId, providerId, enterpriseId, CITY, explanation(),
                "Can you help with our stack durability?"), demandId);
    }

    static EventEnvelope<InvitationDeclined> declined(String demandId, String providerId, String enterpriseId,
            DeclineReason reason, String note) {
        return wrap(new InvitationDeclined("m-" + providerId, demandId, providerId, enterpriseId, CITY, reason, note),
                demandId);
    }

    static EventEnvelope<MatchShortlisted> shortlisted(String demandId, String providerId, String enterpriseId) {
        return wrap(new MatchShortlisted("m-" + providerId, demandId, providerId, enterpriseId, CITY), demandId);
    }

    static EventEnvelope<MatchesProposed> proposed(String demandId, String enterpriseId, String... providerNames) {
        Map<String, String> named = new LinkedHashMap<>();
        for (int i = 0; i < providerNames.length; i++) {
            named.put("p-" + i, providerNames[i]);
        }
        return proposedNaming(demandId, enterpriseId, named);
    }

    /**
     * Proposes these providers, by id, in this order, each with the name the proposal gives it, as matching did before
     * its proposals carried the demand's title.
     */
    static EventEnvelope<MatchesProposed> proposedNaming(String demandId, String enterpriseId,
            Map<String, String> namesById) {
        return proposedNaming(demandId, null, enterpriseId, namesById);
    }

    /** Proposes these providers for the demand of this title, as matching does. */
    static EventEnvelope<MatchesProposed> proposedNaming(String demandId, @Nullable String demandTitle,
            String enterpriseId, Map<String, String> namesById) {
        List<Proposal> proposals = new java.util.ArrayList<>();
        for (var named : namesById.entrySet()) {
            int i = proposals.size();
            proposals.add(new Proposal("m-" + demandId + "-" + i, named.getKey(), named.getValue(),
                    ProviderKind.EXPERT, CITY, "421200", i + 1, 0.9 - i * 0.1, explanation()));
        }
        return wrap(new MatchesProposed(demandId, demandTitle, enterpriseId, CITY, MatchTrigger.DEMAND_PUBLISHED,
                proposals, null), demandId);
    }

    static EventEnvelope<MatchesProposed> unmatched(String demandId, String enterpriseId, String cityCode,
            String reason) {
        return EventEnvelope.wrap(new MatchesProposed(demandId, null, enterpriseId, cityCode,
                MatchTrigger.DEMAND_PUBLISHED, List.of(), reason), demandId, 1, cityCode, tracing(demandId),
                "matching-service", Instant.now());
    }

    static EventEnvelope<DemandRejected> rejected(String demandId, String enterpriseId, String reason) {
        return wrap(new DemandRejected(demandId, enterpriseId, CITY, reason, "admin-of-" + CITY), demandId);
    }

    static EventEnvelope<ProviderVerified> verified(String providerId) {
        return EventEnvelope.wrap(new ProviderVerified(providerId, "platform-admin"), providerId, 2, null,
                tracing(providerId), "expert-service", Instant.now());
    }

    static EventEnvelope<ProviderRegistered> registered(String providerId, String name) {
        var profile = new ProviderProfile(name, ProviderKind.EXPERT, "武汉理工大学", null, "Professor",
                List.of("ENERGY.HYDROGEN"), List.of("燃料电池"), List.of("fuel cell"), "Fuel-cell durability",
                List.of(), List.of(CooperationMode.JOINT_RND), CITY, "421200", List.of(), List.of("zh", "en"), 3,
                Availability.AVAILABLE, null, List.of(), null, false);
        return EventEnvelope.wrap(new ProviderRegistered(providerId, profile), providerId, 1, null,
                tracing(providerId), "expert-service", Instant.now());
    }

    /** The demand was submitted, at the given version, in a city that reviews demands or one that does not. */
    static EventEnvelope<DemandSubmitted> submitted(String demandId, String enterpriseId, String title,
            boolean reviewRequired, long version) {
        return EventEnvelope.wrap(new DemandSubmitted(demandId, enterpriseId, CITY, title, List.of("ENERGY.HYDROGEN"),
                reviewRequired), demandId, version, CITY, tracing(demandId), "a-test", Instant.now());
    }

    static EventEnvelope<DemandPublished> published(String demandId, String enterpriseId, String title,
            LocalDate deadline, Instant publishedAt) {
        return wrap(new DemandPublished(demandId, enterprise(enterpriseId), CITY, content(title, deadline),
                publishedAt), demandId);
    }

    /** The demand's content changed, at the given version of the demand. */
    static EventEnvelope<DemandRevised> revised(String demandId, String enterpriseId, String title, long version) {
        return EventEnvelope.wrap(new DemandRevised(demandId, enterprise(enterpriseId), CITY,
                content(title, LocalDate.now().plusMonths(6)), (int) version, Instant.now()), demandId, version, CITY,
                tracing(demandId), "a-test", Instant.now());
    }

    /** A rejection at the given version of the demand. */
    static EventEnvelope<DemandRejected> rejected(String demandId, String enterpriseId, String reason, long version) {
        return EventEnvelope.wrap(new DemandRejected(demandId, enterpriseId, CITY, reason, "admin-of-" + CITY),
                demandId, version, CITY, tracing(demandId), "a-test", Instant.now());
    }

    static EventEnvelope<DockingStarted> dockingStarted(String demandId, String providerId, String enterpriseId) {
        return wrap(new DockingStarted("m-" + providerId, demandId, providerId, enterpriseId, CITY, LocalDate.now()),
                demandId);
    }

    static void publish(EventEnvelope<?> event) {
        EventPublisher.publish(event);
    }

    /** As matching explains a match, with its English summary, which no text may show. */
    private static MatchExplanation explanation() {
        return new MatchExplanation(List.of("燃料", "电池", "fuel", "cell"), List.of("ENERGY.HYDROGEN"),
                LocationRelation.SAME_CITY, 2,
                "Matches 燃料, 电池, fuel, cell; field ENERGY.HYDROGEN; in the same city; capacity for 2 more");
    }

    private static DemandContent content(String title, LocalDate deadline) {
        return new DemandContent(title, "background", List.of("problem"), "outcome", List.of("ENERGY.HYDROGEN"),
                List.of("hydrogen"), List.of(CooperationMode.JOINT_RND), new BudgetRange(null, null), deadline,
                Visibility.PUBLIC, null);
    }

    private static EnterpriseRef enterprise(String enterpriseId) {
        return new EnterpriseRef(enterpriseId, "Enterprise " + enterpriseId, "91420000MA000000XX", "421200");
    }

    private static <E extends DomainEvent> EventEnvelope<E> wrap(E payload, String demandId) {
        return EventEnvelope.wrap(payload, demandId, 1, CITY, tracing(demandId), "a-test", Instant.now());
    }

    private static EventEnvelope.Tracing tracing(String demandId) {
        return new EventEnvelope.Tracing("corr-" + demandId, null);
    }
}
