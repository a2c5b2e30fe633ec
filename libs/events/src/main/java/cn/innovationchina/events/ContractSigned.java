package cn.innovationchina.events;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A signed technology contract: the unit of success a pilot city is judged by. {@code providerCityCode}: the
 * provider's pilot city, if any; {@code location}: where the provider is seen from the demand, as matched (absent
 * only in events written before it existed).
 */
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
        @Nullable String providerCityCode,
        @Nullable LocationRelation location) implements MatchEvent {

    /**
     * The most a contract may be worth: one trillion CNY, far above any technology contract. Matching refuses more;
     * an event written before it did may claim up to a long's maximum, and a reader sums no value above this one,
     * so sums of values in a long cannot overflow (that would take over nine million contracts at the bound).
     */
    public static final long MAX_VALUE_CNY = 1_000_000_000_000L;
}
