package io.ambientcode.credentialapi.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.credentialapi.store.CredentialRecord;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A credential as the API shows it (ARCHITECTURE.md section 5). There is no token field: the token is write-only,
 * and this type cannot carry it by construction.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "id", "name", "provider", "description", "url", "email", "metadata", "owner", "created_at",
        "updated_at", "token_set_at" })
@Schema(name = "Credential", description = "A stored credential's metadata; the token is write-only and never returned.")
public record CredentialView(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("provider") String provider,
        @JsonProperty("description") String description,
        @JsonProperty("url") String url,
        @JsonProperty("email") String email,
        @JsonProperty("metadata") @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT) JsonNode metadata,
        @JsonProperty("owner") String owner,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("token_set_at") String tokenSetAt) {

    static CredentialView of(CredentialRecord r) {
        JsonNode metadata;
        try {
            metadata = JsonInput.STRICT.readTree(r.metadataJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored metadata of credential " + r.id() + " is not JSON");
        }
        return new CredentialView(r.id(), r.name(), r.provider(), r.description(), r.url(), r.email(), metadata,
                r.owner(), r.createdAt().toString(), r.updatedAt().toString(), r.tokenSetAt().toString());
    }

    /** The entity tag of a credential version, for {@code ETag} / {@code If-Match}. */
    static String etag(CredentialRecord r) {
        return "\"v" + r.version() + "\"";
    }
}
