package cn.innovationchina.monitoring.scenarios;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import cn.innovationchina.events.Availability;
import cn.innovationchina.events.BudgetRange;
import cn.innovationchina.events.Channel;
import cn.innovationchina.events.ClosureReason;
import cn.innovationchina.events.ContractSigned;
import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.events.DeclineReason;
import cn.innovationchina.events.DemandClosed;
import cn.innovationchina.events.DemandContent;
import cn.innovationchina.events.DemandExpired;
import cn.innovationchina.events.DemandPublished;
import cn.innovationchina.events.DemandRejected;
import cn.innovationchina.events.DemandSubmitted;
import cn.innovationchina.events.DockingStarted;
import cn.innovationchina.events.DomainEvent;
import cn.innovationchina.events.EnterpriseRef;
import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.InvitationAccepted;
import cn.innovationchina.events.InvitationDeclined;
import cn.innovationchina.events.LocationRelation;
import cn.innovationchina.events.MatchExplanation;
import cn.innovationchina.events.MatchShortlisted;
import cn.innovationchina.events.MatchTrigger;
import cn.innovationchina.events.MatchesProposed;
import cn.innovationchina.events.NotificationDelivered;
import cn.innovationchina.events.PilotCityDesignated;
import cn.innovationchina.events.PilotCityEvent;
import cn.innovationchina.events.Proposal;
import cn.innovationchina.events.ProviderInvited;
import cn.innovationchina.events.ProviderKind;
import cn.innovationchina.events.ProviderProfile;
import cn.innovationchina.events.ProviderRegistered;
import cn.innovationchina.events.Visibility;
import cn.innovationchina.reference.PilotCities;
import cn.innovationchina.testkit.ConsumerGroups;
import cn.innovationchina.testkit.EventPublisher;

/**
 * Plays the demand, matching, expert and notification services of one pilot city on the real broker: each method
 * publishes one event that happened at the given instant, and remembers it so a test can send it again or wait for it.
 */
final class Bus {

    private static final String ENTERPRISE = "e-1";
    private static final MatchExplanation EXPLANATION = new MatchExplanation(List.of("vision"), List.of("IT.AI"),
            LocationRelation.SAME_CITY, 2, "close fit");
    private static final PilotCities CITIES = PilotCities.standard();

    private static boolean firstCitiesDesignated;

    private final String city;
    private final String prefix;
    private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();
    private final List<EventEnvelope<?>> sent = new ArrayList<>();

    /** {@code prefix} keeps this bus's demand ids apart from other tests'. */
    Bus(String city, String prefix) {
        this.city = city;
        this.prefix = prefix;
    }

    String demand(String name) {
        return prefix + "-" + name;
    }

    void submits(String demand, String at, String title, String... fields) {
        send(new DemandSubmitted(demand(demand), ENTERPRISE, city, title, List.of(fields), false), demand, at);
    }

    void publishes(String demand, String at, String title, String... fields) {
        var content = new DemandContent(title, "background", List.of("problem"), "outcome", List.of(fields),
                List.of("keyword"), List.of(CooperationMode.JOINT_RND), new BudgetRange(null, null),
                LocalDate.parse("2030-01-01"), Visibility.PUBLIC, null);
        send(new DemandPublished(demand(demand), new EnterpriseRef(ENTERPRISE, "Enterprise", "91421200MA4XN0003K",
                "421200"),
                city, content, Instant.parse(at)), demand, at);
    }

    void rejects(String demand, String at) {
        send(new DemandRejected(demand(demand), ENTERPRISE, city, "incomplete", "admin"), demand, at);
    }

    void closes(String demand, String at) {
        send(new DemandClosed(demand(demand), ENTERPRISE, city, ClosureReason.FULFILLED_BY_CONTRACT, null), demand,
                at);
    }

    void expires(String demand, String at) {
        send(new DemandExpired(demand(demand), ENTERPRISE, city, LocalDate.parse(at.substring(0, 10))), demand, at);
    }

    /** Proposes one provider from each of {@code providerCities}; none is the "nobody qualified" proposal. */
    void proposes(String demand, String at, String... providerCities) {
        List<Proposal> proposals = new ArrayList<>();
        for (int i = 0; i < providerCities.length; i++) {
            var explanation = new MatchExplanation(List.of("vision"), List.of("IT.AI"),
                    seenFromDemand(providerCities[i]), 2, "close fit");
            proposals.add(new Proposal(match(demand, i + 1), provider(i + 1), "Provider " + (i + 1),
                    ProviderKind.EXPERT, providerCities[i], null, i + 1, 0.9 - i * 0.1, explanation));
        }
        send(new MatchesProposed(demand(demand), null, ENTERPRISE, city, MatchTrigger.DEMAND_PUBLISHED, proposals,
                proposals.isEmpty() ? "nobody qualified" : null), demand, at);
    }

    void shortlists(String demand, int provider, String at) {
        send(new MatchShortlisted(match(demand, provider), demand(demand), provider(provider), ENTERPRISE, city),
                demand, at);
    }

    void invites(String demand, int provider, String at) {
        send(new ProviderInvited(match(demand, provider), demand(demand), provider(provider), ENTERPRISE, city,
                EXPLANATION, null), demand, at);
    }

    void accepts(String demand, int provider, String at) {
        send(new InvitationAccepted(match(demand, provider), demand(demand), provider(provider), ENTERPRISE, city),
                demand, at);
    }

    void declines(String demand, int provider, String at) {
        send(new InvitationDeclined(match(demand, provider), demand(demand), provider(provider), ENTERPRISE, city,
                DeclineReason.NO_CAPACITY, null), demand, at);
    }

    void startsDocking(String demand, int provider, String at) {
        send(new DockingStarted(match(demand, provider), demand(demand), provider(provider), ENTERPRISE, city,
                LocalDate.parse(at.substring(0, 10))), demand, at);
    }

    void signs(String demand, int provider, String at, long valueCny, String providerCity) {
        send(new ContractSigned(match(demand, provider), demand(demand), provider(provider), ENTERPRISE, city,
                "C-" + demand(demand), valueCny, CooperationMode.JOINT_RND, LocalDate.parse(at.substring(0, 10)),
                providerCity, seenFromDemand(providerCity)), demand, at);
    }

    /** Proposals' provider {@code provider} registers in this city: verified, one engagement at a time. */
    void registers(int provider, String at) {
        var profile = new ProviderProfile("Provider " + provider, ProviderKind.EXPERT, null, null, null,
                List.of("IT.AI"), List.of("vision"), List.of("vision"), "summary", List.of(),
                List.of(CooperationMode.JOINT_RND), city, CITIES.find(city).orElseThrow().divisionCode(), List.of(),
                List.of("zh"), 1, Availability.AVAILABLE, null, List.of(), null, true);
        publish(new ProviderRegistered(provider(provider), profile), provider(provider), at);
    }

    /** The enterprise finds a notice about its demand in its inbox. */
    void notifies(String demand, String at) {
        String notification = "n-" + demand(demand);
        publish(new NotificationDelivered(notification, ENTERPRISE, Channel.INBOX, "DEMAND_PUBLISHED",
                "source-" + demand(demand), 1), notification, at);
    }

    /** Where matching would have placed a provider of that pilot city. */
    private LocationRelation seenFromDemand(String providerCity) {
        return LocationRelation.valueOf(CITIES.relation(city, providerCity).name());
    }

    List<EventEnvelope<?>> sent() {
        return List.copyOf(sent);
    }

    /**
     * What demand-service announces at its first start: the pilot cities of the reference file, each designated
     * once. Sent once per test run; waits until monitoring-service has handled them.
     */
    static synchronized void theFirstPilotCitiesAreDesignated() {
        if (firstCitiesDesignated) {
            return;
        }
        List<EventEnvelope<?>> designations = CITIES.cities().stream()
                .<EventEnvelope<?>>map(city -> designation(new PilotCityDesignated(city.code(), city.nameZh(),
                        city.nameEn(), city.divisionCode(), city.batch(), city.reviewRequired(), List.of()), 1))
                .toList();
        designations.forEach(EventPublisher::publish);
        awaitHandled(designations);
        firstCitiesDesignated = true;
    }

    /** An event of the pilot-city list as demand-service writes it: keyed by the city, at the city's version. */
    static EventEnvelope<PilotCityEvent> designation(PilotCityEvent event, long version) {
        return EventEnvelope.wrap(event, event.cityCode(), version, event.cityCode(),
                new EventEnvelope.Tracing("list-" + event.cityCode(), null), "demand-service", Instant.now());
    }

    /** Waits until monitoring-service has handled every event sent (its group has committed past each of them). */
    static void awaitHandled(List<EventEnvelope<?>> events) {
        ConsumerGroups.awaitCaughtUp("monitoring-service",
                events.stream().map(EventEnvelope::topic).collect(Collectors.toCollection(TreeSet::new)));
    }

    private void send(DomainEvent event, String demand, String at) {
        publish(event, demand(demand), at);
    }

    private void publish(DomainEvent event, String aggregateId, String at) {
        long version = versions.computeIfAbsent(aggregateId, id -> new AtomicLong()).incrementAndGet();
        var envelope = EventEnvelope.wrap(event, aggregateId, version, city,
                new EventEnvelope.Tracing("test-" + aggregateId, null), "a-test", Instant.parse(at));
        EventPublisher.publish(envelope);
        sent.add(envelope);
    }

    private String match(String demand, int provider) {
        return demand(demand) + "-m" + provider;
    }

    private static String provider(int number) {
        return "p-" + number;
    }
}
