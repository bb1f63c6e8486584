package io.ambientcode.credentialapi.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * Verification keys from a JWKS URL, by {@code kid}. Keys are cached for a TTL; a {@code kid} the cache does not know
 * triggers one refetch (the issuer may have rotated), but at most once per minimum interval, so tokens with invented
 * kids cannot turn this service into a flood against the issuer. A failed refetch keeps the keys already known.
 */
public final class JwksKeySource {

    private static final Logger LOG = Logger.getLogger(JwksKeySource.class);
    private static final int MAX_JWKS_BYTES = 256 * 1024;

    private final URI uri;
    private final HttpClient http;
    private final Duration timeout;
    private final long ttlNanos;
    private final long minRefreshNanos;
    private final LongSupplier nanoTime;
    private final AtomicInteger fetches = new AtomicInteger();

    private volatile Snapshot snapshot;
    private long lastAttemptNanos;
    private boolean attempted;

    private record Snapshot(Map<String, PublicKey> byKid, long fetchedAtNanos) {
    }

    public JwksKeySource(URI uri, Duration ttl, Duration minRefreshInterval, Duration timeout) {
        this(uri, ttl, minRefreshInterval, timeout, System::nanoTime);
    }

    JwksKeySource(URI uri, Duration ttl, Duration minRefreshInterval, Duration timeout, LongSupplier nanoTime) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("a JWKS URL must be http or https");
        }
        this.uri = uri;
        this.timeout = timeout;
        this.ttlNanos = ttl.toNanos();
        this.minRefreshNanos = minRefreshInterval.toNanos();
        this.nanoTime = nanoTime;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The key for a {@code kid} (null kid: the only key, if the set has exactly one).
     *
     * @throws KeySourceUnavailableException when no key set has ever been fetched and fetching fails now
     */
    public Optional<PublicKey> key(String kid) {
        Snapshot s = snapshot;
        if (s == null || nanoTime.getAsLong() - s.fetchedAtNanos() > ttlNanos) {
            s = refresh(true);
        }
        Optional<PublicKey> found = lookup(s, kid);
        if (found.isPresent()) {
            return found;
        }
        Snapshot refreshed = refresh(false);
        return refreshed == s ? Optional.empty() : lookup(refreshed, kid);
    }

    /** How many times the key set was fetched (for tests and metrics). */
    public int fetchCount() {
        return fetches.get();
    }

    private static Optional<PublicKey> lookup(Snapshot s, String kid) {
        if (s == null) {
            return Optional.empty();
        }
        if (kid == null) {
            return s.byKid().size() == 1 ? Optional.of(s.byKid().values().iterator().next()) : Optional.empty();
        }
        return Optional.ofNullable(s.byKid().get(kid));
    }

    /**
     * Fetches the key set unless the last attempt was less than the minimum interval ago. {@code routine} marks a TTL
     * expiry or first use; those are also rate-limited so an unreachable issuer is not hammered.
     */
    private synchronized Snapshot refresh(boolean routine) {
        Snapshot current = snapshot;
        long now = nanoTime.getAsLong();
        if (routine && current != null && now - current.fetchedAtNanos() <= ttlNanos) {
            return current; // another thread refreshed while we waited
        }
        if (attempted && now - lastAttemptNanos < minRefreshNanos) {
            if (current == null) {
                throw new KeySourceUnavailableException("the issuer's key set is not available yet");
            }
            return current;
        }
        attempted = true;
        lastAttemptNanos = now;
        try {
            Snapshot fresh = new Snapshot(fetch(), now);
            snapshot = fresh;
            return fresh;
        } catch (IOException | JoseException | RuntimeException e) {
            LOG.warnf("Fetching the key set from %s failed (%s); keeping %s", uri, e.getClass().getSimpleName(),
                    current == null ? "no keys" : current.byKid().size() + " known key(s)");
            if (current == null) {
                throw new KeySourceUnavailableException("the issuer's key set could not be fetched");
            }
            return current;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeySourceUnavailableException("interrupted while fetching the issuer's key set");
        }
    }

    private Map<String, PublicKey> fetch() throws IOException, InterruptedException, JoseException {
        fetches.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("JWKS answered HTTP " + response.statusCode());
        }
        if (response.body().length > MAX_JWKS_BYTES) {
            throw new IOException("JWKS document is larger than " + MAX_JWKS_BYTES + " bytes");
        }
        JsonWebKeySet set = new JsonWebKeySet(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        Map<String, PublicKey> keys = new HashMap<>();
        for (JsonWebKey jwk : set.getJsonWebKeys()) {
            if (jwk.getUse() != null && !"sig".equals(jwk.getUse())) {
                continue;
            }
            if (jwk instanceof PublicJsonWebKey pub && pub.getPublicKey() != null) {
                keys.put(jwk.getKeyId() == null ? "" : jwk.getKeyId(), pub.getPublicKey());
            }
        }
        LOG.debugf("Fetched %d signing key(s) from %s", keys.size(), uri);
        return Collections.unmodifiableMap(keys);
    }
}
