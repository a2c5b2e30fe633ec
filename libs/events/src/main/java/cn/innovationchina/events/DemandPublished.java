package cn.innovationchina.events;

import java.time.Instant;

public record DemandPublished(
        String demandId,
        EnterpriseRef enterprise,
        String cityCode,
        DemandContent content,
        Instant publishedAt) implements DemandEvent {
}
