package io.ambientcode.sidecar.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PureSchedulingTest {

    final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    @Test
    void backoffDoublesFromOneSecondWithJitterAndCapsAtThirty() {
        assertThat(backoff.delay(0, () -> 0.5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(1, () -> 0.5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(4, () -> 0.5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.delay(5, () -> 0.5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(50, () -> 1.0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(0, () -> 0.0)).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.delay(0, () -> 1.0)).isEqualTo(Duration.ofMillis(1200));
        assertThat(backoff.delay(3, () -> 0.0)).isLessThan(backoff.delay(3, () -> 1.0));
    }

    @Test
    void refreshesBeforeTheEarlierExpiry() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Duration margin = Duration.ofSeconds(60);
        Duration floor = Duration.ofSeconds(2);
        assertThat(RefreshSchedule.nextDelay(now, now.plusSeconds(600), Optional.empty(), margin, floor))
                .isEqualTo(Duration.ofSeconds(540));
        assertThat(RefreshSchedule.nextDelay(now, now.plusSeconds(600), Optional.of(now.plusSeconds(300)), margin, floor))
                .isEqualTo(Duration.ofSeconds(240));
        // short lifetimes: half the remaining time, never below the floor
        assertThat(RefreshSchedule.nextDelay(now, now.plusSeconds(20), Optional.empty(), margin, floor))
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(RefreshSchedule.nextDelay(now, now.minusSeconds(5), Optional.empty(), margin, floor)).isEqualTo(floor);
    }
}
