package io.ambientcode.credentialapi.auth;

import java.security.interfaces.ECPublicKey;
import java.util.Set;

/**
 * A credential sidecar of one live session, holding a session token from the token server. It may read exactly the
 * tokens of {@code credentialIds}, for its own provider, while a binding to {@code project} still holds; replies are
 * encrypted to {@code confirmationKey} ({@code cnf.jwk}), which only the sidecar can decrypt.
 */
public record SessionCaller(
        String sessionId,
        String project,
        String provider,
        Set<String> credentialIds,
        ECPublicKey confirmationKey,
        String tokenId) implements Caller {

    public SessionCaller {
        credentialIds = Set.copyOf(credentialIds);
    }

    @Override
    public String kind() {
        return "session";
    }

    @Override
    public String actor() {
        return sessionId;
    }
}
