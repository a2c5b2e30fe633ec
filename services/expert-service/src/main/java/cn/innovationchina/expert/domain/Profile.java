package cn.innovationchina.expert.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.events.Achievement;
import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.events.ProviderKind;

/**
 * What a provider says about itself; {@link ProfileRules} decides whether it is acceptable. {@code divisionCode}:
 * where it is (GB/T 2260, any division of China); {@code cityCode}: the pilot city whose service group it belongs
 * to, if any; {@code regionsServed}: economic zones or provinces it also serves.
 */
public record Profile(
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
        String divisionCode,
        List<String> regionsServed,
        List<String> languages,
        int capacity,
        List<String> conflictCreditCodes) {

    public Profile {
        fieldCodes = List.copyOf(fieldCodes);
        skills = List.copyOf(skills);
        keywords = List.copyOf(keywords);
        achievements = List.copyOf(achievements);
        services = List.copyOf(services);
        regionsServed = List.copyOf(regionsServed);
        languages = List.copyOf(languages);
        conflictCreditCodes = List.copyOf(conflictCreditCodes);
    }

    public boolean isOrganisation() {
        return kind != ProviderKind.EXPERT;
    }
}
