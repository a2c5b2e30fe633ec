package cn.innovationchina.events;

import java.time.Instant;

/** A published demand changed; it stays published and is matched again. Carries the whole new content. */
public record DemandRevised(
        String demandId,
        EnterpriseRef enterprise,
        String cityCode,
        DemandContent content,
        int revision,
        Instant revisedAt) implements DemandEvent {
}
