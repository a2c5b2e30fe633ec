package cn.innovationchina.gateway.domain;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per client: a client may send {@code capacity} requests at once, then one more each time a token
 * is refilled. Kept in this instance's memory, so with several gateway instances each allows its own share (ADR 0022).
 */
public final class RateLimits {

    /** What a request is told: allowed (with the tokens left) or refused (with when to try again). */
    public record Verdict(boolean allowed, long remaining, Duration retryAfter) {
    }

    private final long capacity;
    private final double tokensPerMilli;
    private final int maxClients;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimits(long capacity, double tokensPerSecond, int maxClients, Clock clock) {
        if (capacity < 1 || tokensPerSecond <= 0) {
            throw new IllegalArgumentException("A rate limit needs a capacity of at least 1 and a positive refill rate");
        }
        this.capacity = capacity;
        this.tokensPerMilli = tokensPerSecond / 1000.0;
        this.maxClients = maxClients;
        this.clock = clock;
    }

    public Verdict take(String client) {
        long now = clock.millis();
        if (buckets.size() >= maxClients) {
            forgetFullBuckets(now);
        }
        return buckets.computeIfAbsent(client, c -> new Bucket(capacity, now)).take(now);
    }

    /** A bucket that has refilled to capacity says nothing a new bucket would not: dropping it bounds memory. */
    private void forgetFullBuckets(long now) {
        buckets.entrySet().removeIf(entry -> entry.getValue().fullAt(now));
    }

    private final class Bucket {

        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }

        synchronized Verdict take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return new Verdict(true, (long) tokens, Duration.ZERO);
            }
            long wait = (long) Math.ceil((1 - tokens) / tokensPerMilli);
            return new Verdict(false, 0, Duration.ofMillis(wait));
        }

        synchronized boolean fullAt(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            if (now > refilledAt) {
                tokens = Math.min(capacity, tokens + (now - refilledAt) * tokensPerMilli);
                refilledAt = now;
            }
        }
    }
}
