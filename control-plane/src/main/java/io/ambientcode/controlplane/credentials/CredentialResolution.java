package io.ambientcode.controlplane.credentials;

import java.util.Map;

/** Outcome of resolving a session's credentials, short of the credential API being unavailable. */
public sealed interface CredentialResolution {

    /** Provider id → credential id, one per provider (unsupported providers included). */
    record Resolved(Map<String, String> credentials, String summary) implements CredentialResolution {
        public Resolved {
            credentials = Map.copyOf(credentials);
        }
    }

    /** No credentials: {@code reason} is a condition reason, {@code message} says why (ids and codes only). */
    record Unresolved(String reason, String message) implements CredentialResolution {
    }
}
