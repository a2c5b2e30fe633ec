package cn.innovationchina.demand.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;

import cn.innovationchina.demand.domain.Demand;
import cn.innovationchina.platform.web.ETags;

/** The ETag of a demand is its stored version; every change must send it back in If-Match. */
final class Versions {

    private Versions() {
    }

    static long expected(@Nullable String ifMatch) {
        return ETags.requiredIfMatch(ifMatch, "demand");
    }

    static ResponseEntity.BodyBuilder tagged(ResponseEntity.BodyBuilder response, Demand demand) {
        return response.eTag(ETags.of(demand.version()));
    }
}
