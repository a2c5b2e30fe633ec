package cn.innovationchina.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/**
 * A decoder that checks a token's RSA signature and rules once per process, then trusts the same token until it
 * expires: a demand's calls carry one token through the gateway and a service, and the signature check was the
 * largest part of each call's security cost (ADR 0046).
 *
 * <p>The checks stay the ones of the decoder it wraps. A token is found again only by its whole text, signature
 * included, so a token with another signature is verified afresh and a refused one is never remembered. A
 * remembered token is given back only before its {@code exp} and for at most {@code longest} after it was verified;
 * after that the wrapped decoder judges it again (with its clock skew), so an expired token is refused as before.
 * Tokens without an expiry are never remembered. At most {@code capacity} tokens are kept, the least recently used
 * leaving first. Requests that bring a token while it is being verified wait for that one verification and share its
 * answer, refusal included; once it is answered, the next request asks afresh or finds it remembered.
 */
public final class VerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifier;
    private final Clock clock;
    private final Duration longest;
    private final Map<String, Verified> verified;
    private final Map<String, Mono<Jwt>> verifying = new ConcurrentHashMap<>();

    private record Verified(Jwt jwt, Instant until) {
    }

    public VerifiedTokens(ReactiveJwtDecoder verifier, Clock clock, Duration longest, int capacity) {
        this.verifier = verifier;
        this.clock = clock;
        this.longest = longest;
        this.verified = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        Jwt known = known(token);
        if (known != null) {
            return Mono.just(known);
        }
        return Mono.defer(() -> verifying.computeIfAbsent(token, this::verification));
    }

    private Mono<Jwt> verification(String token) {
        return Mono.defer(() -> verifier.decode(token))
                .doOnNext(jwt -> remember(token, jwt))
                .doFinally(signal -> verifying.remove(token))
                .cache();
    }

    private Jwt known(String token) {
        Instant now = clock.instant();
        synchronized (verified) {
            Verified entry = verified.get(token);
            if (entry == null) {
                return null;
            }
            if (now.isBefore(entry.until())) {
                return entry.jwt();
            }
            verified.remove(token);
            return null;
        }
    }

    private void remember(String token, Jwt jwt) {
        Instant expiry = jwt.getExpiresAt();
        if (expiry == null) {
            return;
        }
        Instant latest = clock.instant().plus(longest);
        Instant until = expiry.isBefore(latest) ? expiry : latest;
        synchronized (verified) {
            verified.put(token, new Verified(jwt, until));
        }
    }
}
