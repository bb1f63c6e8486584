package io.ambientcode.acpctl.credential;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A binding of a credential to a project (no agent) or to one agent of it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({ "id", "project", "agent", "credential_id", "provider", "created_by", "created_at" })
public record Binding(
        @JsonProperty("id") String id,
        @JsonProperty("project") String project,
        @JsonProperty("agent") String agent,
        @JsonProperty("credential_id") String credentialId,
        @JsonProperty("provider") String provider,
        @JsonProperty("created_by") String createdBy,
        @JsonProperty("created_at") String createdAt) {
}
