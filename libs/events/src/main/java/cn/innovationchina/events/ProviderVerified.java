package cn.innovationchina.events;

public record ProviderVerified(String providerId, String verifiedBy) implements ProviderEvent {
}
