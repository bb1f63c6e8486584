package io.ambientcode.credentialapi.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Request body shapes, for the OpenAPI document only: bodies are read strictly by {@link CredentialRequests}, which
 * is the authority (unknown fields → 400 {@code unknown_field}).
 */
final class RequestSchemas {

    private RequestSchemas() {
    }

    @Schema(name = "CredentialCreate", description = "A new credential. token is write-only; its shape depends on provider.")
    record CredentialCreate(
            @Schema(required = true, pattern = "[A-Za-z0-9][A-Za-z0-9_.-]{0,62}") @JsonProperty("name") String name,
            @Schema(required = true, enumeration = { "github", "jira", "kubeconfig", "google", "gitlab" })
            @JsonProperty("provider") String provider,
            @Schema(maxLength = 1024) @JsonProperty("description") String description,
            @Schema(maxLength = 2048) @JsonProperty("url") String url,
            @Schema(maxLength = 320) @JsonProperty("email") String email,
            @JsonProperty("metadata") Map<String, Object> metadata,
            @Schema(required = true, writeOnly = true) @JsonProperty("token") String token) {
    }

    @Schema(name = "CredentialPatch", description = "JSON merge patch: absent = unchanged, null = cleared. "
            + "provider, owner, id and timestamps are read-only.")
    record CredentialPatchBody(
            @JsonProperty("name") String name,
            @JsonProperty("description") String description,
            @JsonProperty("url") String url,
            @JsonProperty("email") String email,
            @JsonProperty("metadata") Map<String, Object> metadata,
            @Schema(writeOnly = true) @JsonProperty("token") String token) {
    }

    @Schema(name = "CredentialBindingCreate", description = "Bind a credential you own; agent absent = project-level.")
    record BindingCreate(
            @Schema(required = true) @JsonProperty("credential_id") String credentialId,
            @JsonProperty("agent") String agent) {
    }
}
