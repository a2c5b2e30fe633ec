package cn.innovationchina.expert.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;

import cn.innovationchina.platform.problem.InvalidInput;

/** The provider's version as an ETag, and an If-Match header back to the version a write expects. */
final class Versions {

    private Versions() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    static <T> ResponseEntity<T> ok(long version, T body) {
        return ResponseEntity.ok().eTag(etag(version)).body(body);
    }

    /** No If-Match: the write applies to the version just read (still refused if another write lands first). */
    static @Nullable Long expected(@Nullable String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        try {
            return Long.valueOf(value.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInput("If-Match", "is not an ETag given by this API");
        }
    }
}
