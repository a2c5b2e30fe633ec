package cn.innovationchina.platform.web;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.platform.problem.InvalidInput;
import cn.innovationchina.platform.problem.PreconditionRequired;

/**
 * An aggregate's stored version as its HTTP {@code ETag}, and an {@code If-Match} header back to the version a
 * write is based on. The policy of every service (ADR 0042): a change of an existing aggregate must send it (428
 * naming the header when it is missing), a stale one is a 412 ({@code AggregateStore}), a malformed one a 400
 * naming it; creating an aggregate needs none.
 */
public final class ETags {

    public static final String IF_MATCH = "If-Match";

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version the caller read, or null when it sent no {@code If-Match}: for a write that creates the aggregate
     * when it does not exist yet, which then requires it with {@link PreconditionRequired} once it does.
     */
    public static @Nullable Long ifMatch(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String tag = header.strip();
        // A weak tag names the same version: a proxy that compresses the response weakens its ETag (nginx does),
        // and what the write compares is the version, not the bytes, so RFC 9110's strong comparison would only
        // refuse every change made through such a proxy.
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            return Long.valueOf(tag.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInput(IF_MATCH, "is not an ETag this service sent");
        }
    }

    /** The version a change of an existing {@code aggregate} is based on; without one, a 428 naming the header. */
    public static long requiredIfMatch(@Nullable String header, String aggregate) {
        Long version = ifMatch(header);
        if (version == null) {
            throw new PreconditionRequired(aggregate);
        }
        return version;
    }
}
