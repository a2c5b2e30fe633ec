package cn.innovationchina.demand.domain;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.events.CooperationMode;

/** What a provider looks for among published demands; a part left null does not narrow the search. */
public record DemandSearch(@Nullable String fieldCode, @Nullable String cityCode, @Nullable CooperationMode mode,
        @Nullable String text) {
}
