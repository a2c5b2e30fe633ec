package cn.innovationchina.events;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What matching needs to know about a provider. Contact details stay in the expert service. {@code cityCode}: the
 * pilot city whose service group it belongs to, if any; {@code divisionCode}: where it is (GB/T 2260), absent only
 * in events written before it existed; {@code regionsServed}: economic zone codes or 6-digit province codes.
 */
public record ProviderProfile(
        String name,
        ProviderKind kind,
        @Nullable String affiliation,
        @Nullable String affiliationCreditCode,
        @Nullable String title,
        List<String> fieldCodes,
        List<String> skills,
        List<String> keywords,
        String summary,
        List<Achievement> achievements,
        List<CooperationMode> services,
        @Nullable String cityCode,
        @Nullable String divisionCode,
        List<String> regionsServed,
        List<String> languages,
        int capacity,
        Availability availability,
        @Nullable LocalDate availableFrom,
        List<String> conflictCreditCodes,
        @Nullable String memberOf,
        boolean verified) {
}
