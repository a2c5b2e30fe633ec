package cn.innovationchina.events;

public record DemandRejected(
        String demandId,
        String enterpriseId,
        String cityCode,
        String reason,
        String rejectedBy) implements DemandEvent {
}
