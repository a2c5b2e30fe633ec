package cn.innovationchina.gateway.domain;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One token bucket per client: a client may send {@code capacity} requests at once, then one more each time a token
 * is refilled. Kept in this instance's memory, so with several gateway instances each allows its own share (ADR 0022).
 * <p>
 * Clients are kept in the order they were last seen. Once {@code maxClients} are known, a newcomer first forgets the
 * clients seen least recently whose buckets have refilled (they say nothing a new bucket would not); if the one seen
 * least recently is still refilling it is kept, up to twice {@code maxClients}, past which it is forgotten anyway.
 * Each request so looks at a few buckets at most, never at all of them.
 */
public final class RateLimits {

    /** What a request is told: allowed (with the tokens left) or refused (with when to try again). */
    public record Verdict(boolean allowed, long remaining, Duration retryAfter) {
    }

    private final long capacity;
    private final double tokensPerMilli;
    private final int maxClients;
    private final Clock clock;
    private final LinkedHashMap<String, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true);

    public RateLimits(long capacity, double tokensPerSecond, int maxClients, Clock clock) {
        if (capacity < 1 || tokensPerSecond <= 0 || maxClients < 1) {
            throw new IllegalArgumentException("A rate limit needs a capacity of at least 1, a positive refill rate"
                    + " and room for one client");
        }
        this.capacity = capacity;
        this.tokensPerMilli = tokensPerSecond / 1000.0;
        this.maxClients = maxClients;
        this.clock = clock;
    }

    /** Takes a token of the client's bucket, if it has one. */
    public Verdict take(String client) {
        long now = clock.millis();
        return bucket(client, now).take(now);
    }

    /** What {@link #take} would answer, without taking anything. */
    public Verdict peek(String client) {
        long now = clock.millis();
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.get(client);
        }
        return bucket == null ? new Verdict(true, capacity, Duration.ZERO) : bucket.peek(now);
    }

    public int clientsKnown() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    private Bucket bucket(String client, long now) {
        synchronized (buckets) {
            Bucket bucket = buckets.get(client);
            if (bucket == null) {
                forgetIdle(now);
                bucket = new Bucket(capacity, now);
                buckets.put(client, bucket);
            }
            return bucket;
        }
    }

    /** Amortised O(1): each bucket is forgotten at most once, and the first one kept ends the look. */
    private void forgetIdle(long now) {
        Iterator<Map.Entry<String, Bucket>> eldest = buckets.entrySet().iterator();
        while (buckets.size() >= maxClients && eldest.hasNext()) {
            Bucket bucket = eldest.next().getValue();
            if (bucket.fullAt(now) || buckets.size() >= 2L * maxClients) {
                eldest.remove();
            } else {
                return;
            }
        }
    }

    private final class Bucket {

        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }

        synchronized Verdict take(long now) {
            Verdict verdict = peek(now);
            if (verdict.allowed()) {
                tokens -= 1;
                return new Verdict(true, (long) tokens, Duration.ZERO);
            }
            return verdict;
        }

        synchronized Verdict peek(long now) {
            refill(now);
            if (tokens >= 1) {
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
