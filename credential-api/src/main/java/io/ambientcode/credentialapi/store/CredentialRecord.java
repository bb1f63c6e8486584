package io.ambientcode.credentialapi.store;

import java.time.Instant;

/**
 * A row of {@code credentials}. {@code sealedToken} is the at-rest envelope, never a plaintext; this record is the
 * storage shape and never leaves the service (the API shape is {@code rest.CredentialView}).
 */
public record CredentialRecord(
        String id,
        String owner,
        String name,
        String provider,
        String description,
        String url,
        String email,
        String metadataJson,
        String sealedToken,
        Instant tokenSetAt,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    @Override
    public String toString() {
        return "CredentialRecord[id=" + id + ", provider=" + provider + ", owner=" + owner + ", version=" + version + "]";
    }
}
