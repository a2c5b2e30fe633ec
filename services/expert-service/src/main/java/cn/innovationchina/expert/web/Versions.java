package cn.innovationchina.expert.web;

import org.springframework.http.ResponseEntity;

import cn.innovationchina.platform.web.ETags;

final class Versions {

    private Versions() {
    }

    /** A 200 carrying the provider's version, the If-Match of its next change. */
    static <T> ResponseEntity<T> ok(long version, T body) {
        return ResponseEntity.ok().eTag(ETags.of(version)).body(body);
    }
}
