package cn.innovationchina.expert.application;

import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.events.Availability;
import cn.innovationchina.events.ProviderKind;
import cn.innovationchina.expert.domain.Provider;
import cn.innovationchina.platform.web.PageRequest;

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
        PageRequest paging) {

    public record Page(List<Provider> items, int page, int size, long total) {
    }
}
