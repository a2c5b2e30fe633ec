package cn.innovationchina.expert.application;

import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.events.Availability;
import cn.innovationchina.events.ProviderKind;
import cn.innovationchina.expert.domain.Provider;

/**
 * A search among active providers. A city matches providers located in it or serving its region.
 *
 * @param regionCode the region of {@code cityCode}, resolved by the application
 */
public record ProviderSearch(
        @Nullable String fieldCode,
        @Nullable String cityCode,
        @Nullable String regionCode,
        @Nullable ProviderKind kind,
        @Nullable Availability availability,
        @Nullable String memberOf,
        @Nullable String text,
        int page,
        int size) {

    /** The largest page a client may ask for; more is a 400, so no query can pull the whole collection. */
    public static final int MAX_PAGE_SIZE = 100;

    public record Page(List<Provider> items, int page, int size, long total) {
    }
}
