package io.ambientcode.tokenserver.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayCacheTest {

    private final Instant t0 = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void aNonceIsUsableOncePerWindow() {
        ReplayCache cache = new ReplayCache(Duration.ofSeconds(120), 100);
        assertThat(cache.firstUse("n1", t0)).isEqualTo(ReplayCache.Result.FIRST_USE);
        assertThat(cache.firstUse("n1", t0.plusSeconds(119))).isEqualTo(ReplayCache.Result.REPLAYED);
        assertThat(cache.firstUse("n2", t0.plusSeconds(1))).isEqualTo(ReplayCache.Result.FIRST_USE);
        assertThat(cache.firstUse("n1", t0.plusSeconds(121))).isEqualTo(ReplayCache.Result.FIRST_USE);
    }

    @Test
    void theCacheIsBoundedAndEvictsExpiredNonces() {
        ReplayCache cache = new ReplayCache(Duration.ofSeconds(120), 3);
        cache.firstUse("a", t0);
        cache.firstUse("b", t0);
        cache.firstUse("c", t0);
        assertThat(cache.firstUse("d", t0.plusSeconds(10))).isEqualTo(ReplayCache.Result.FULL);
        assertThat(cache.firstUse("d", t0.plusSeconds(130))).isEqualTo(ReplayCache.Result.FIRST_USE);
        assertThat(cache.size()).isEqualTo(1);
    }
}
