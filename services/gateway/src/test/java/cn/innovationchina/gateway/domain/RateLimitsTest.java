package cn.innovationchina.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class RateLimitsTest {

    private Instant now = Instant.parse("2026-03-02T01:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void a_client_may_burst_up_to_the_capacity_then_waits_for_the_next_token() {
        var limits = new RateLimits(3, 2, 100, clock);
        assertThat(limits.take("a").remaining()).isEqualTo(2);
        limits.take("a");
        assertThat(limits.take("a").allowed()).isTrue();

        var refused = limits.take("a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));

        now = now.plusMillis(500);
        assertThat(limits.take("a").allowed()).isTrue();
        assertThat(limits.take("a").allowed()).isFalse();
    }

    @Test
    void clients_have_buckets_of_their_own() {
        var limits = new RateLimits(1, 1, 100, clock);
        limits.take("a");
        assertThat(limits.take("a").allowed()).isFalse();
        assertThat(limits.take("b").allowed()).isTrue();
    }

    @Test
    void a_full_bucket_is_forgotten_when_too_many_clients_are_known_and_a_busy_one_is_kept() {
        var limits = new RateLimits(2, 1, 2, clock);
        limits.take("busy");
        limits.take("busy");
        limits.take("idle");
        now = now.plusMillis(1500);
        // "idle" has refilled to capacity and is dropped; "busy" has 1.5 tokens and is kept with them.
        limits.take("new");
        assertThat(limits.take("busy").allowed()).isTrue();
        assertThat(limits.take("busy").allowed()).isFalse();
    }

    @Test
    void memory_stays_bounded_when_no_bucket_refills_and_each_new_client_costs_the_same() {
        var limits = new RateLimits(10, 0.001, 1_000, clock);
        // Scanning every known bucket for each newcomer took many minutes here; a look at the eldest, milliseconds.
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < 200_000; i++) {
                limits.take("client-" + i);
            }
        });
        assertThat(limits.clientsKnown()).isLessThanOrEqualTo(2_000);
    }

    @Test
    void the_client_seen_least_recently_is_forgotten_first() {
        var limits = new RateLimits(2, 1, 2, clock);
        limits.take("early");
        limits.take("late");
        now = now.plusSeconds(5);
        limits.take("late");
        limits.take("newcomer");
        assertThat(limits.clientsKnown()).isEqualTo(2);
        limits.take("late");
        assertThat(limits.take("late").allowed()).as("late kept its spent bucket").isFalse();
    }

    @Test
    void a_full_map_still_refuses_spent_clients_and_forgets_only_the_one_seen_least_recently() {
        var limits = new RateLimits(1, 0.001, 2, clock);
        for (String client : new String[] {"first", "second", "third", "fourth"}) {
            limits.take(client);
        }
        assertThat(limits.take("second").allowed()).as("spent, in a map at its bound").isFalse();

        limits.take("fifth");

        assertThat(limits.clientsKnown()).isEqualTo(4);
        assertThat(limits.peek("first").allowed()).as("forgotten: a fresh bucket").isTrue();
        assertThat(limits.peek("second").allowed()).isFalse();
        assertThat(limits.peek("third").allowed()).isFalse();
        assertThat(limits.peek("fifth").allowed()).isFalse();
    }
}
