package cn.innovationchina.events;

/** Carries the whole profile after the change, so a consumer never needs the previous one. */
public record ProviderProfileUpdated(String providerId, ProviderProfile profile) implements ProviderEvent {
}
