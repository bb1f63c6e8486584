package io.ambientcode.credentialapi.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.ambientcode.credentialapi.store.BindingRecord;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A binding of a credential to a project (agent absent) or to one agent of it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "id", "project", "agent", "credential_id", "provider", "created_by", "created_at" })
@Schema(name = "CredentialBinding")
public record BindingView(
        @JsonProperty("id") String id,
        @JsonProperty("project") String project,
        @JsonProperty("agent") String agent,
        @JsonProperty("credential_id") String credentialId,
        @JsonProperty("provider") String provider,
        @JsonProperty("created_by") String createdBy,
        @JsonProperty("created_at") String createdAt) {

    static BindingView of(BindingRecord b) {
        return new BindingView(b.id(), b.project(), b.agent(), b.credentialId(), b.provider(), b.createdBy(),
                b.createdAt().toString());
    }
}
