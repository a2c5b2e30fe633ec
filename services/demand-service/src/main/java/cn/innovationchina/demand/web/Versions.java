package cn.innovationchina.demand.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;

import cn.innovationchina.demand.domain.Demand;
import cn.innovationchina.platform.problem.InvalidInput;

/** The ETag of a demand is its stored version; every change must send it back in If-Match. */
final class Versions {

    private Versions() {
    }

    static long expected(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new InvalidInput("If-Match", "required: the ETag of the demand as last read");
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            return Long.parseLong(tag.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInput("If-Match", "not an ETag of this service");
        }
    }

    static ResponseEntity.BodyBuilder tagged(ResponseEntity.BodyBuilder response, Demand demand) {
        return response.eTag("\"" + demand.version() + "\"");
    }
}
