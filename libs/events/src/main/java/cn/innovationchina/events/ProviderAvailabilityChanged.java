package cn.innovationchina.events;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

public record ProviderAvailabilityChanged(
        String providerId,
        Availability availability,
        @Nullable LocalDate until) implements ProviderEvent {
}
