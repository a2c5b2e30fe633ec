package cn.innovationchina.platform.web;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.platform.problem.InvalidInput;

/**
 * An aggregate's stored version as its HTTP {@code ETag}, and an {@code If-Match} header back to the version a
 * write is based on ({@code AggregateStore} turns a stale one into 412). A malformed header is a 400 naming it.
 */
public final class ETags {

    public static final String IF_MATCH = "If-Match";

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version the caller read, or null when it sent no {@code If-Match}. */
    public static @Nullable Long ifMatch(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            return Long.valueOf(tag.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInput(IF_MATCH, "is not an ETag this service sent");
        }
    }

    /** Like {@link #ifMatch}, for writes that must say which version they change. */
    public static long requiredIfMatch(@Nullable String header, String what) {
        Long version = ifMatch(header);
        if (version == null) {
            throw new InvalidInput(IF_MATCH, "required: the ETag of the " + what + " as last read");
        }
        return version;
    }
}
