package io.ambientcode.acpctl.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.ambientcode.acpctl.auth.JwtText;
import io.ambientcode.acpctl.output.Table;
import java.util.List;

/** A context as {@code config view} and {@code config get-contexts} show it: settings and login, never the token. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "name", "current", "type", "credential_api_url", "control_plane_url", "data_dir", "token_file",
        "kubeconfig", "kube_context", "namespace", "platform_admin_group", "user", "groups", "token_expires_at" })
public record ContextView(
        @JsonProperty("name") String name,
        @JsonProperty("current") boolean current,
        @JsonProperty("type") ContextType type,
        @JsonProperty("credential_api_url") String credentialApiUrl,
        @JsonProperty("control_plane_url") String controlPlaneUrl,
        @JsonProperty("data_dir") String dataDir,
        @JsonProperty("token_file") String tokenFile,
        @JsonProperty("kubeconfig") String kubeconfig,
        @JsonProperty("kube_context") String kubeContext,
        @JsonProperty("namespace") String namespace,
        @JsonProperty("platform_admin_group") String platformAdminGroup,
        @JsonProperty("user") String user,
        @JsonProperty("groups") List<String> groups,
        @JsonProperty("token_expires_at") String tokenExpiresAt) {

    static ContextView of(ResolvedContext r, ContextConfig stored, boolean current) {
        JwtText claims = JwtText.parse(stored.getToken()).orElse(null);
        String user = claims != null && claims.subject() != null ? claims.subject() : stored.getUser();
        List<String> groups = claims != null && !claims.groups().isEmpty() ? claims.groups() : stored.getGroups();
        String expires = claims != null && claims.expiresAt() != null ? claims.expiresAt().toString() : null;
        return new ContextView(r.name(), current, r.type(), r.credentialApiUrl(), r.controlPlaneUrl(), r.dataDir(),
                r.tokenFile(), r.kubeconfig(), r.kubeContext(), r.namespace(), r.platformAdminGroup(), user, groups,
                expires);
    }

    Table details() {
        return Table.details()
                .field("name", name + (current ? " (current)" : ""))
                .field("type", type)
                .field("credential-api-url", credentialApiUrl)
                .field("control-plane-url", controlPlaneUrl)
                .field("data-dir", dataDir)
                .field("token-file", tokenFile)
                .field("kubeconfig", kubeconfig)
                .field("kube-context", kubeContext)
                .field("namespace", namespace)
                .field("platform-admin-group", platformAdminGroup)
                .field("user", user)
                .field("groups", groups == null ? null : String.join(",", groups))
                .field("token-expires-at", tokenExpiresAt);
    }
}
