package cn.innovationchina.events;

/** The payload of an event on the bus. The envelope carries identity, time and tracing. */
public sealed interface DomainEvent permits DemandEvent, PilotCityEvent, ProviderEvent, MatchEvent,
        NotificationEvent {
}
