package cn.innovationchina.events;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** What matching needs to know about a provider. Contact details stay in the expert service. */
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
        String cityCode,
        List<String> regionsServed,
        List<String> languages,
        int capacity,
        Availability availability,
        @Nullable LocalDate availableFrom,
        List<String> conflictCreditCodes,
        @Nullable String memberOf,
        boolean verified) {
}
