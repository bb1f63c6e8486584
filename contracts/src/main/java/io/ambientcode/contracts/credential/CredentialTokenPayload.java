package io.ambientcode.contracts.credential;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The payload of the credential API's JWE reply to {@code GET /credentials/{id}/token} (ARCHITECTURE.md section 5).
 * {@code expires_at} is when the sidecar should fetch again (the credential's own expiry, if it has one).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "credential_id", "provider", "token", "url", "email", "expires_at" })
public record CredentialTokenPayload(
        @JsonProperty("credential_id") String credentialId,
        @JsonProperty("provider") String provider,
        @JsonProperty("token") String token,
        @JsonProperty("url") String url,
        @JsonProperty("email") String email,
        @JsonProperty("expires_at") String expiresAt) {

    @Override
    public String toString() {
        return "CredentialTokenPayload[credential_id=" + credentialId + ", provider=" + provider + ", token=<hidden>]";
    }
}
