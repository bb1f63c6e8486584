package io.ambientcode.sidecar.credential;

import io.ambientcode.contracts.credential.CredentialTokenPayload;
import java.time.Instant;
import java.util.Optional;

/**
 * The credential a sidecar holds, in memory only (never in env or a file). {@link #toString()} hides the token.
 *
 * @param expiresAt when the credential API says to fetch again; empty when it did not say
 */
public record Credential(String credentialId, String provider, String token, Optional<String> url,
        Optional<String> email, Optional<Instant> expiresAt, Instant fetchedAt) {

    static Credential of(CredentialTokenPayload payload, Instant now) {
        return new Credential(payload.credentialId(), payload.provider(), payload.token(),
                Optional.ofNullable(payload.url()).filter(u -> !u.isBlank()),
                Optional.ofNullable(payload.email()).filter(e -> !e.isBlank()),
                Optional.ofNullable(payload.expiresAt()).filter(e -> !e.isBlank()).map(Instant::parse),
                now);
    }

    @Override
    public String toString() {
        return "Credential[id=" + credentialId + ", provider=" + provider + ", url=" + url.orElse("-")
                + ", fetchedAt=" + fetchedAt + ", token=<hidden>]";
    }
}
