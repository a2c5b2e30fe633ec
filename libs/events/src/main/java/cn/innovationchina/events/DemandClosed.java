package cn.innovationchina.events;

import org.jspecify.annotations.Nullable;

public record DemandClosed(
        String demandId,
        String enterpriseId,
        String cityCode,
        ClosureReason closure,
        @Nullable String note) implements DemandEvent {
}
