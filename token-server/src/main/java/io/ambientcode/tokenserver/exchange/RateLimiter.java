package io.ambientcode.tokenserver.exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (session + provider): {@code perMinute} exchanges, refilled continuously. A sidecar needs
 * about one exchange per token lifetime, so the limit only bites a misbehaving or hijacked client.
 */
public final class RateLimiter {

    private static final int MAX_KEYS = 100_000;

    private final int capacity;
    private final double tokensPerNano;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("ambient.token.rate-limit-per-minute must be at least 1");
        }
        this.capacity = perMinute;
        this.tokensPerNano = perMinute / (double) Duration.ofMinutes(1).toNanos();
    }

    /** Takes one token for {@code key}; false when the bucket is empty. */
    public boolean tryAcquire(String key, Instant now) {
        long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        if (buckets.size() >= MAX_KEYS) {
            buckets.values().removeIf(b -> b.isFullAt(nanos));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(capacity, nanos)).take(nanos);
    }

    /** Seconds a refused caller should wait for the next token. */
    public long retryAfterSeconds() {
        return Math.max(1, (long) Math.ceil(60.0 / capacity));
    }

    private final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized boolean take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }

        synchronized boolean isFullAt(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            if (now > last) {
                tokens = Math.min(capacity, tokens + (now - last) * tokensPerNano);
                last = now;
            }
        }
    }
}
