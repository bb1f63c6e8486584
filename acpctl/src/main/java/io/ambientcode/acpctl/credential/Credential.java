package io.ambientcode.acpctl.credential;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A credential's metadata as the credential API returns it (ARCHITECTURE.md section 5). There is no token field:
 * acpctl cannot print a token it never holds, and anything else a server sends is dropped, not passed through.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({ "id", "name", "provider", "description", "url", "email", "metadata", "owner", "created_at",
        "updated_at", "token_set_at" })
public record Credential(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("provider") String provider,
        @JsonProperty("description") String description,
        @JsonProperty("url") String url,
        @JsonProperty("email") String email,
        @JsonProperty("metadata") JsonNode metadata,
        @JsonProperty("owner") String owner,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("token_set_at") String tokenSetAt) {
}
