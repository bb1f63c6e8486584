package io.ambientcode.tokenserver.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A short-lived cache in front of a directory: a sidecar's burst of exchanges costs one lookup, and a stopped session
 * is noticed within the TTL, which start-up caps at 5 seconds. Failures are never cached.
 */
public final class CachingSessionDirectory implements SessionDirectory {

    public static final Duration MAX_TTL = Duration.ofSeconds(5);
    private static final int MAX_ENTRIES = 10_000;

    private final SessionDirectory delegate;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(Optional<SessionRecord> record, Instant expires) {
    }

    public CachingSessionDirectory(SessionDirectory delegate, Clock clock, Duration ttl) {
        if (ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("ambient.token.sessions.cache-ttl must be at most 5s, was " + ttl);
        }
        this.delegate = delegate;
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public Optional<SessionRecord> find(String sessionId) {
        Instant now = clock.instant();
        Entry e = cache.get(sessionId);
        if (e != null && now.isBefore(e.expires())) {
            return e.record();
        }
        Optional<SessionRecord> fresh = delegate.find(sessionId);
        if (!ttl.isZero()) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.values().removeIf(old -> !now.isBefore(old.expires()));
            }
            if (cache.size() < MAX_ENTRIES) {
                cache.put(sessionId, new Entry(fresh, now.plus(ttl)));
            }
        }
        return fresh;
    }

    @Override
    public boolean isReady() {
        return delegate.isReady();
    }
}
