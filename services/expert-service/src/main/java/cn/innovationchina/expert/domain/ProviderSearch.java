package cn.innovationchina.expert.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.events.Availability;
import cn.innovationchina.events.ProviderKind;

/**
 * A search among active providers; a part left null does not narrow it. Each place matches the providers located
 * in it or serving its province or economic zone; a pilot city also matches the members of its service group.
 */
public record ProviderSearch(
        @Nullable String fieldCode,
        List<Place> places,
        @Nullable ProviderKind kind,
        @Nullable Availability availability,
        @Nullable String memberOf,
        @Nullable String text) {

    /**
     * A place searched for, resolved by the application: the pilot city named (if it was one), the division, and
     * the province and zone codes a provider may serve it by.
     */
    public record Place(@Nullable String cityCode, String divisionCode, List<String> areas) {
    }
}
