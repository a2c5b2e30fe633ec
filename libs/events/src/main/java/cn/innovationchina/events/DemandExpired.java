package cn.innovationchina.events;

import java.time.LocalDate;

public record DemandExpired(
        String demandId,
        String enterpriseId,
        String cityCode,
        LocalDate deadline) implements DemandEvent {
}
