package io.ambientcode.tokenserver.exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Nonces seen within the replay window. Bounded: expired nonces are evicted as the cache fills, and a cache still full
 * of live nonces refuses new ones (the exchange answers 429) rather than growing without limit.
 */
public final class ReplayCache {

    /** Outcome of {@link #firstUse}. */
    public enum Result { FIRST_USE, REPLAYED, FULL }

    private final Duration window;
    private final int maxEntries;
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private final AtomicLong insertsSinceSweep = new AtomicLong();

    public ReplayCache(Duration window, int maxEntries) {
        this.window = window;
        this.maxEntries = maxEntries;
    }

    /** Records the nonce; tells whether this is its first use within the window. */
    public Result firstUse(String nonce, Instant now) {
        if (insertsSinceSweep.incrementAndGet() >= Math.max(1024, maxEntries / 8) || seen.size() >= maxEntries) {
            sweep(now);
        }
        if (seen.size() >= maxEntries) {
            return Result.FULL;
        }
        Instant expires = now.plus(window);
        Instant previous = seen.putIfAbsent(nonce, expires);
        if (previous == null) {
            return Result.FIRST_USE;
        }
        if (!now.isBefore(previous) && seen.replace(nonce, previous, expires)) {
            return Result.FIRST_USE; // the old entry had expired; the nonce is usable again
        }
        return Result.REPLAYED;
    }

    public int size() {
        return seen.size();
    }

    private void sweep(Instant now) {
        insertsSinceSweep.set(0);
        seen.values().removeIf(expires -> !now.isBefore(expires));
    }
}
