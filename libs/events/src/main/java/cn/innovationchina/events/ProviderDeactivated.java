package cn.innovationchina.events;

import org.jspecify.annotations.Nullable;

public record ProviderDeactivated(String providerId, @Nullable String reason) implements ProviderEvent {
}
