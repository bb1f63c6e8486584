package io.ambientcode.systemtests.kubernetes.harness;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.contracts.jwt.SessionTokenClaims;
import io.ambientcode.systemtests.support.Http;
import io.ambientcode.systemtests.support.RunSecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What an eavesdropper on the pod network holds, read from the {@link NetworkTap}s: session JWTs from the
 * Authorization of credential fetches, exchange assertions from the Authorization of {@code GET /token}, and the JWE
 * replies. Everything taken is registered as a secret of the run.
 */
public final class Captures {

    /** A session JWT seen on the wire, with its claims. */
    public record SessionJwt(String jwt, JsonNode claims, NetworkTap.Exchange exchange) {
        public String sessionId() {
            return claims.path(SessionTokenClaims.SESSION_ID).asText();
        }

        public String provider() {
            return claims.path(SessionTokenClaims.PROVIDER).asText();
        }

        public Instant expiresAt() {
            return Instant.ofEpochSecond(claims.path("exp").asLong());
        }
    }

    private Captures() {
    }

    /** The newest session JWT of a session and provider that is still valid for at least {@code margin}. */
    public static Optional<SessionJwt> sessionJwt(NetworkTap apiTap, String sessionId, String provider, Duration margin) {
        return apiTap.traffic().stream()
                .filter(e -> e.path().contains("/credentials/") && e.path().endsWith("/token") && e.authorization() != null
                        && e.authorization().startsWith("Bearer "))
                .map(e -> {
                    String jwt = RunSecrets.register("session JWT (captured on the wire)", e.authorization().substring(7));
                    return new SessionJwt(jwt, claims(jwt), e);
                })
                .filter(j -> j.sessionId().equals(sessionId) && j.provider().equals(provider))
                .filter(j -> j.expiresAt().isAfter(Instant.now().plus(margin)))
                .max(Comparator.comparing(j -> j.exchange().at()));
    }

    /** The newest exchange request ({@code GET /token}) accepted within {@code maxAge}, matching the filter. */
    public static Optional<NetworkTap.Exchange> assertion(NetworkTap tokenTap, Duration maxAge, Predicate<NetworkTap.Exchange> filter) {
        Instant oldest = Instant.now().minus(maxAge);
        List<NetworkTap.Exchange> candidates = tokenTap.traffic().stream()
                .filter(e -> e.path().startsWith("/token") && e.status() == 200 && e.authorization() != null)
                .filter(e -> e.at().isAfter(oldest))
                .filter(filter)
                .toList();
        candidates.forEach(e -> RunSecrets.register("exchange assertion (captured on the wire)", e.authorization()));
        return candidates.stream().max(Comparator.comparing(NetworkTap.Exchange::at));
    }

    /** The claims of a JWT (no verification: what anyone holding it can read). */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a compact JWS");
        }
        try {
            return Http.JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
