package cn.innovationchina.expert.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.events.Availability;
import cn.innovationchina.events.ProviderKind;
import cn.innovationchina.platform.domain.SafeText;

/**
 * A search among active providers; a part left null does not narrow it. Each place matches the providers located
 * in it or serving its province or economic zone; a pilot city also matches the members of its service group. The
 * text is held to the platform's rule ({@link SafeText}): no stored text breaks it, and the store cannot even
 * encode a NUL in a query.
 */
public record ProviderSearch(
        @Nullable String fieldCode,
        List<Place> places,
        @Nullable ProviderKind kind,
        @Nullable Availability availability,
        @Nullable String memberOf,
        @Nullable String text) {

    public ProviderSearch {
        SafeText.require("text", text);
    }

    /**
     * A place searched for, resolved by the application: the pilot city named (if it was one), the division, and
     * the province and zone codes a provider may serve it by.
     */
    public record Place(@Nullable String cityCode, String divisionCode, List<String> areas) {
    }
}
