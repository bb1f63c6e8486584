package io.ambientcode.acpctl.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.ambientcode.acpctl.cli.CliException;
import java.nio.file.Path;

/**
 * A context with its defaults filled in: what the commands actually use. Local contexts get the loopback URLs of
 * {@code LocalLayout} and the data directory; cluster contexts must name their credential API.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "name", "type", "credential_api_url", "control_plane_url", "data_dir", "token_file", "kubeconfig",
        "kube_context", "namespace", "platform_admin_group" })
public record ResolvedContext(
        @JsonProperty("name") String name,
        @JsonProperty("type") ContextType type,
        @JsonProperty("credential_api_url") String credentialApiUrl,
        @JsonProperty("control_plane_url") String controlPlaneUrl,
        @JsonIgnore Path dataDirPath,
        @JsonProperty("token_file") String tokenFile,
        @JsonProperty("kubeconfig") String kubeconfig,
        @JsonProperty("kube_context") String kubeContext,
        @JsonProperty("namespace") String namespace,
        @JsonProperty("platform_admin_group") String platformAdminGroup) {

    @JsonProperty("data_dir")
    public String dataDir() {
        return dataDirPath == null ? null : dataDirPath.toString();
    }

    public boolean isLocal() {
        return type == ContextType.local;
    }

    /** The credential API base URL, or a usage error naming the setting to fix. */
    public String requireCredentialApiUrl() {
        if (credentialApiUrl == null) {
            throw CliException.usage("context " + name + " has no credential API URL; set one with: acpctl config set "
                    + name + " --credential-api-url URL");
        }
        return credentialApiUrl;
    }
}
