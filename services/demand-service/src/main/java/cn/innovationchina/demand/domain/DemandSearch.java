package cn.innovationchina.demand.domain;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.platform.domain.SafeText;

/**
 * What a provider looks for among published demands; a part left null does not narrow the search. The text is held
 * to the platform's rule ({@link SafeText}): no stored text breaks it, and the store cannot encode a NUL in a query.
 */
public record DemandSearch(@Nullable String fieldCode, @Nullable String cityCode, @Nullable CooperationMode mode,
        @Nullable String text) {

    public DemandSearch {
        SafeText.require("text", text);
    }
}
