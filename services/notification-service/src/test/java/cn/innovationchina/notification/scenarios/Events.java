package cn.innovationchina.notification.scenarios;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.innovationchina.events.BudgetRange;
import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.events.DemandContent;
import cn.innovationchina.events.DemandPublished;
import cn.innovationchina.events.DemandRejected;
import cn.innovationchina.events.DockingStarted;
import cn.innovationchina.events.EnterpriseRef;
import cn.innovationchina.events.Visibility;
import cn.innovationchina.events.DomainEvent;
import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.LocationRelation;
import cn.innovationchina.events.MatchExplanation;
import cn.innovationchina.events.MatchShortlisted;
import cn.innovationchina.events.MatchTrigger;
import cn.innovationchina.events.MatchesProposed;
import cn.innovationchina.events.Proposal;
import cn.innovationchina.events.ProviderInvited;
import cn.innovationchina.events.ProviderKind;
import cn.innovationchina.events.ProviderVerified;
import cn.innovationchina.testkit.EventPublisher;

/** Plays the demand and matching services: the events they would publish, sent to the real broker. */
final class Events {

    static final String CITY = "XIANNING";

    private Events() {
    }

    static EventEnvelope<ProviderInvited> invited(String demandId, String providerId, String enterpriseId) {
        return wrap(new ProviderInvited("m-" + providerId, demandId, providerId, enterpriseId, CITY,
                explanation("same city, hydrogen storage"), null), demandId);
    }

    static EventEnvelope<MatchShortlisted> shortlisted(String demandId, String providerId, String enterpriseId) {
        return wrap(new MatchShortlisted("m-" + providerId, demandId, providerId, enterpriseId, CITY), demandId);
    }

    static EventEnvelope<MatchesProposed> proposed(String demandId, String enterpriseId, String... providerNames) {
        List<Proposal> proposals = new java.util.ArrayList<>();
        for (int i = 0; i < providerNames.length; i++) {
            proposals.add(new Proposal("m-" + demandId + "-" + i, "p-" + i, providerNames[i], ProviderKind.EXPERT,
                    CITY, "421200", i + 1, 0.9 - i * 0.1, explanation("fits")));
        }
        return wrap(new MatchesProposed(demandId, enterpriseId, CITY, MatchTrigger.DEMAND_PUBLISHED, proposals,
                null), demandId);
    }

    static EventEnvelope<MatchesProposed> unmatched(String demandId, String enterpriseId, String cityCode,
            String reason) {
        return EventEnvelope.wrap(new MatchesProposed(demandId, enterpriseId, cityCode, MatchTrigger.DEMAND_PUBLISHED,
                List.of(), reason), demandId, 1, cityCode, tracing(demandId), "matching-service", Instant.now());
    }

    static EventEnvelope<DemandRejected> rejected(String demandId, String enterpriseId, String reason) {
        return wrap(new DemandRejected(demandId, enterpriseId, CITY, reason, "admin-of-" + CITY), demandId);
    }

    static EventEnvelope<ProviderVerified> verified(String providerId) {
        return EventEnvelope.wrap(new ProviderVerified(providerId, "platform-admin"), providerId, 2, null,
                tracing(providerId), "expert-service", Instant.now());
    }

    static EventEnvelope<DemandPublished> published(String demandId, String enterpriseId, String title,
            LocalDate deadline, Instant publishedAt) {
        var content = new DemandContent(title, "background", List.of("problem"), "outcome", List.of("EN.H2"),
                List.of("hydrogen"), List.of(CooperationMode.JOINT_RND), new BudgetRange(null, null), deadline,
                Visibility.PUBLIC, null);
        return wrap(new DemandPublished(demandId, new EnterpriseRef(enterpriseId, "Enterprise " + enterpriseId,
                "91420000MA000000XX", "421200"), CITY, content, publishedAt), demandId);
    }

    static EventEnvelope<DockingStarted> dockingStarted(String demandId, String providerId, String enterpriseId) {
        return wrap(new DockingStarted("m-" + providerId, demandId, providerId, enterpriseId, CITY, LocalDate.now()),
                demandId);
    }

    static void publish(EventEnvelope<?> event) {
        EventPublisher.publish(event);
    }

    private static MatchExplanation explanation(String summary) {
        return new MatchExplanation(List.of("hydrogen"), List.of("EN.H2"), LocationRelation.SAME_CITY, 2, summary);
    }

    private static <E extends DomainEvent> EventEnvelope<E> wrap(E payload, String demandId) {
        return EventEnvelope.wrap(payload, demandId, 1, CITY, tracing(demandId), "a-test", Instant.now());
    }

    private static EventEnvelope.Tracing tracing(String demandId) {
        return new EventEnvelope.Tracing("corr-" + demandId, null);
    }
}
