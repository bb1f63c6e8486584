package io.ambientcode.tokenserver.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ambientcode.contracts.session.SessionPhase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CachingSessionDirectoryTest {

    private final AtomicReference<SessionPhase> phase = new AtomicReference<>(SessionPhase.Running);
    private final AtomicInteger lookups = new AtomicInteger();
    private final SessionDirectory source = new SessionDirectory() {
        @Override
        public Optional<SessionRecord> find(String sessionId) {
            lookups.incrementAndGet();
            return Optional.of(new SessionRecord(sessionId, "p", phase.get(), Map.of(), Map.of()));
        }

        @Override
        public boolean isReady() {
            return true;
        }
    };

    @Test
    void aLiveAnswerIsReusedAtMostForTheTtl() {
        MutableClock clock = new MutableClock();
        CachingSessionDirectory cached = new CachingSessionDirectory(source, clock, Duration.ofSeconds(5));
        assertThat(cached.find("sid-00001").orElseThrow().isLive()).isTrue();
        phase.set(SessionPhase.Stopped);
        clock.advance(Duration.ofSeconds(4));
        assertThat(cached.find("sid-00001").orElseThrow().isLive()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(cached.find("sid-00001").orElseThrow().isLive()).isFalse();
        assertThat(lookups).hasValue(2);
    }

    @Test
    void aTtlOverFiveSecondsIsRefused() {
        assertThatThrownBy(() -> new CachingSessionDirectory(source, Clock.systemUTC(), Duration.ofSeconds(6)))
                .hasMessageContaining("at most 5s");
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-29T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
