package cn.innovationchina.events;

import java.time.LocalDate;

/** A signed technology contract: the unit of success a pilot city is judged by. */
public record ContractSigned(
        String matchId,
        String demandId,
        String providerId,
        String enterpriseId,
        String cityCode,
        String contractId,
        long valueCny,
        CooperationMode mode,
        LocalDate signedOn,
        String providerCityCode) implements MatchEvent {
}
