package cn.innovationchina.events;

import org.jspecify.annotations.Nullable;

public record DemandWithdrawn(
        String demandId,
        String enterpriseId,
        String cityCode,
        @Nullable String reason) implements DemandEvent {
}
