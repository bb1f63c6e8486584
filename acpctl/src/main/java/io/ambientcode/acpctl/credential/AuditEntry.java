package io.ambientcode.acpctl.credential;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One entry of a credential's audit trail: who, what, when, outcome. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({ "id", "at", "action", "outcome", "reason", "actor_kind", "actor", "session_id", "provider",
        "project", "agent", "binding_id" })
public record AuditEntry(
        @JsonProperty("id") String id,
        @JsonProperty("at") String at,
        @JsonProperty("action") String action,
        @JsonProperty("outcome") String outcome,
        @JsonProperty("reason") String reason,
        @JsonProperty("actor_kind") String actorKind,
        @JsonProperty("actor") String actor,
        @JsonProperty("session_id") String sessionId,
        @JsonProperty("provider") String provider,
        @JsonProperty("project") String project,
        @JsonProperty("agent") String agent,
        @JsonProperty("binding_id") String bindingId) {
}
