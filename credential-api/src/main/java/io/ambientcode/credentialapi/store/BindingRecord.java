package io.ambientcode.credentialapi.store;

import java.time.Instant;

/**
 * A row of {@code credential_bindings}, with its credential's provider (joined on read). {@code agent} is null for a
 * project-level binding (stored as the empty string, see V1 migration).
 */
public record BindingRecord(
        String id,
        String project,
        String agent,
        String credentialId,
        String provider,
        String createdBy,
        Instant createdAt) {

    public boolean isAgentLevel() {
        return agent != null;
    }
}
