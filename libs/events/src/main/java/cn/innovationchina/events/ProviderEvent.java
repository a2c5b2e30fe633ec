package cn.innovationchina.events;

/** Events of the Provider aggregate, on {@link Topics#PROVIDER_EVENTS}, keyed by provider id. */
public sealed interface ProviderEvent extends DomainEvent
        permits ProviderRegistered, ProviderProfileUpdated, ProviderAvailabilityChanged, ProviderVerified,
        ProviderDeactivated {

    String providerId();
}
