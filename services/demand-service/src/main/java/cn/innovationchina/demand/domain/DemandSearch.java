package cn.innovationchina.demand.domain;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.platform.problem.InvalidInput;

/**
 * What a provider looks for among published demands; a part left null does not narrow the search. The text holds
 * no control characters: no stored text has them, and the store cannot even encode a NUL in a query.
 */
public record DemandSearch(@Nullable String fieldCode, @Nullable String cityCode, @Nullable CooperationMode mode,
        @Nullable String text) {

    public DemandSearch {
        for (int i = 0; text != null && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                throw new InvalidInput("text", "must not contain control characters (found U+"
                        + String.format("%04X", (int) c) + ")");
            }
        }
    }
}
