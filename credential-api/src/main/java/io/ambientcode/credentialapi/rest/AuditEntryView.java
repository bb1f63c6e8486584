package io.ambientcode.credentialapi.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.ambientcode.credentialapi.audit.AuditEvent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One audit entry of a credential: who, what, when, outcome. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "id", "at", "action", "outcome", "reason", "actor_kind", "actor", "session_id", "provider",
        "project", "agent", "binding_id" })
@Schema(name = "AuditEntry")
public record AuditEntryView(
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

    static AuditEntryView of(AuditEvent e) {
        return new AuditEntryView(e.id(), e.occurredAt().toString(), e.action().wire(), e.outcome().wire(), e.reason(),
                e.actorKind(), e.actor(), e.sessionId(), e.provider(), e.project(), e.agent(), e.bindingId());
    }
}
