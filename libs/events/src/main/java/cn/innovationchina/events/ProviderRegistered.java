package cn.innovationchina.events;

public record ProviderRegistered(String providerId, ProviderProfile profile) implements ProviderEvent {
}
