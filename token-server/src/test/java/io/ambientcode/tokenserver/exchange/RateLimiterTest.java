package io.ambientcode.tokenserver.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final Instant t0 = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void allowsTheBudgetThenRefillsContinuously() {
        RateLimiter limiter = new RateLimiter(20);
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.tryAcquire("s:github", t0)).isTrue();
        }
        assertThat(limiter.tryAcquire("s:github", t0)).isFalse();
        assertThat(limiter.tryAcquire("s:jira", t0)).isTrue();
        assertThat(limiter.tryAcquire("s:github", t0.plusSeconds(2))).isFalse();
        assertThat(limiter.tryAcquire("s:github", t0.plusSeconds(3))).isTrue();
        assertThat(limiter.retryAfterSeconds()).isEqualTo(3);
    }

    @Test
    void refusesANonsenseLimit() {
        assertThatThrownBy(() -> new RateLimiter(0)).hasMessageContaining("rate-limit-per-minute");
    }
}
