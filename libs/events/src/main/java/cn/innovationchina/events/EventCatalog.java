package cn.innovationchina.events;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every event type of the contract: its name, topic, aggregate and current schema version. */
public final class EventCatalog {

    public record Entry(String type, Class<? extends DomainEvent> payloadType, String topic, String aggregateType,
            int schemaVersion) {
    }

    private static final Map<String, Entry> BY_TYPE = new LinkedHashMap<>();

    static {
        demand(DemandSubmitted.class, DemandPublished.class, DemandRevised.class, DemandRejected.class,
                DemandWithdrawn.class, DemandClosed.class, DemandExpired.class);
        // demand-service keeps the pilot-city list too (ADR 0033); its events share the demands' topic.
        on(Topics.DEMAND_EVENTS, "PilotCity", PilotCityDesignated.class, PilotCityChanged.class);
        on(Topics.PROVIDER_EVENTS, "Provider", ProviderRegistered.class, ProviderProfileUpdated.class,
                ProviderAvailabilityChanged.class, ProviderVerified.class, ProviderDeactivated.class);
        on(Topics.MATCH_EVENTS, "Match", MatchesProposed.class, MatchShortlisted.class, MatchDismissed.class,
                ProviderInvited.class, InvitationAccepted.class, InvitationDeclined.class, DockingStarted.class,
                ContractSigned.class, EngagementClosed.class, FeedbackGiven.class);
        on(Topics.NOTIFICATION_EVENTS, "Notification", NotificationDelivered.class, NotificationFailed.class);
    }

    private EventCatalog() {
    }

    @SafeVarargs
    private static void demand(Class<? extends DemandEvent>... types) {
        on(Topics.DEMAND_EVENTS, "Demand", types);
    }

    @SafeVarargs
    private static void on(String topic, String aggregateType, Class<? extends DomainEvent>... types) {
        for (var type : types) {
            // Version 1 for all: raise it here, with a new schema file, on an incompatible change.
            BY_TYPE.put(type.getSimpleName(), new Entry(type.getSimpleName(), type, topic, aggregateType, 1));
        }
    }

    public static Collection<Entry> entries() {
        return BY_TYPE.values();
    }

    public static Optional<Entry> find(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static Entry entryOf(String type) {
        return find(type).orElseThrow(() -> new IllegalArgumentException("Unknown event type " + type));
    }

    public static Entry entryOf(Class<?> payloadType) {
        return entryOf(payloadType.getSimpleName());
    }
}
