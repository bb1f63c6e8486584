package io.ambientcode.controlplane.local;

import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.contracts.exchange.ExchangeCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The token server's exchange public key, which every sidecar receives as {@code AMBIENT_CP_TOKEN_PUBLIC_KEY}. In a
 * cluster it is configuration; locally the token server generates it into the data directory on its first start, so
 * the control plane asks the token server ({@code GET /public-key}) when it plans a session, and reuses the answer for
 * a minute (a rotation reaches the next sessions soon after).
 */
@FunctionalInterface
public interface ExchangeKeySource {

    /** The key as SPKI PEM, checked to be an RSA key the sidecars accept. */
    String publicKeyPem() throws Unavailable;

    /** The token server could not be asked, or answered something that is not a usable key. */
    final class Unavailable extends Exception {
        public Unavailable(String message) {
            super(message);
        }
    }

    static ExchangeKeySource http(URI publicKeyUrl, Duration timeout, Clock clock) {
        return new Http(publicKeyUrl, timeout, clock);
    }

    /** {@code GET <token server>/public-key}, cached for {@link #TTL}. */
    final class Http implements ExchangeKeySource {

        static final Duration TTL = Duration.ofMinutes(1);
        private static final int MAX_BYTES = 16 * 1024;

        private final URI url;
        private final Duration timeout;
        private final Clock clock;
        private final HttpClient client;
        private volatile String cached;
        private volatile Instant fetchedAt = Instant.MIN;

        Http(URI url, Duration timeout, Clock clock) {
            this.url = url;
            this.timeout = timeout;
            this.clock = clock;
            this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        }

        @Override
        public String publicKeyPem() throws Unavailable {
            Instant now = clock.instant();
            String key = cached;
            if (key != null && Duration.between(fetchedAt, now).compareTo(TTL) < 0) {
                return key;
            }
            HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Accept", "*/*").GET().build();
            HttpResponse<byte[]> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new Unavailable("token server unreachable at " + url + " (" + e.getClass().getSimpleName() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Unavailable("interrupted while asking the token server for its key");
            }
            if (response.statusCode() != 200 || response.body().length > MAX_BYTES) {
                throw new Unavailable("token server answered " + response.statusCode() + " for its public key");
            }
            String pem = new String(response.body(), StandardCharsets.US_ASCII);
            try {
                int bits = Pem.parseRsaPublicKey(pem).getModulus().bitLength();
                if (bits < ExchangeCodec.MIN_EXCHANGE_KEY_BITS) {
                    throw new Unavailable("the token server's exchange key has " + bits + " bits; sidecars need at least "
                            + ExchangeCodec.MIN_EXCHANGE_KEY_BITS);
                }
            } catch (IllegalArgumentException e) {
                throw new Unavailable("the token server's public key is not an RSA public key in PEM");
            }
            cached = pem;
            fetchedAt = now;
            return pem;
        }
    }
}
