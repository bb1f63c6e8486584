package io.ambientcode.contracts.credential;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Reply of {@code GET /projects/{project}/credential-bindings:resolve?agent=<name>[&credential=<id>...]}, the only
 * credential call the control plane makes. Ids and providers only, never a token (ARCHITECTURE.md section 5).
 *
 * <p>Without {@code credential} parameters: one credential per provider, agent-level bindings beating project-level
 * ones, earliest binding {@code created_at} winning within a level. With them: exactly those credentials, each of
 * which must be bound to the project (or the agent), else 422 {@code credential_not_bound}; two of one provider →
 * 422 {@code duplicate_provider}. Providers without a sidecar (e.g. gitlab) are included; the control plane reports them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResolvedBindings(
        @JsonProperty("project") String project,
        @JsonProperty("agent") String agent,
        @JsonProperty("credentials") List<ResolvedCredential> credentials) {

    /** One resolved credential. {@code level} is {@code agent} or {@code project}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResolvedCredential(
            @JsonProperty("provider") String provider,
            @JsonProperty("credential_id") String credentialId,
            @JsonProperty("binding_id") String bindingId,
            @JsonProperty("level") String level) {

        public static final String LEVEL_AGENT = "agent";
        public static final String LEVEL_PROJECT = "project";
    }
}
