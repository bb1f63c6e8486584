package io.ambientcode.acpctl.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One context as stored in the config file. Absent fields take defaults when resolved ({@link ResolvedContext}).
 * {@code token} is the user's bearer token (set by {@code acpctl login}); the file is kept at mode 0600 for it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({ "type", "credential-api-url", "control-plane-url", "data-dir", "token-file", "kubeconfig",
        "kube-context", "namespace", "platform-admin-group", "user", "groups", "token-ttl", "token" })
public class ContextConfig {

    @JsonProperty("type")
    private ContextType type;
    @JsonProperty("credential-api-url")
    private String credentialApiUrl;
    @JsonProperty("control-plane-url")
    private String controlPlaneUrl;
    @JsonProperty("data-dir")
    private String dataDir;
    @JsonProperty("token-file")
    private String tokenFile;
    @JsonProperty("kubeconfig")
    private String kubeconfig;
    @JsonProperty("kube-context")
    private String kubeContext;
    @JsonProperty("namespace")
    private String namespace;
    @JsonProperty("platform-admin-group")
    private String platformAdminGroup;
    /** Local contexts: the subject and groups of the last login, so an expired token can be minted again. */
    @JsonProperty("user")
    private String user;
    @JsonProperty("groups")
    private List<String> groups;
    @JsonProperty("token-ttl")
    private String tokenTtl;
    @JsonProperty("token")
    private String token;

    public ContextConfig() {
    }

    public ContextConfig(ContextType type) {
        this.type = type;
    }

    public ContextType getType() {
        return type;
    }

    public void setType(ContextType type) {
        this.type = type;
    }

    public String getCredentialApiUrl() {
        return credentialApiUrl;
    }

    public void setCredentialApiUrl(String credentialApiUrl) {
        this.credentialApiUrl = credentialApiUrl;
    }

    public String getControlPlaneUrl() {
        return controlPlaneUrl;
    }

    public void setControlPlaneUrl(String controlPlaneUrl) {
        this.controlPlaneUrl = controlPlaneUrl;
    }

    public String getDataDir() {
        return dataDir;
    }

    public void setDataDir(String dataDir) {
        this.dataDir = dataDir;
    }

    public String getTokenFile() {
        return tokenFile;
    }

    public void setTokenFile(String tokenFile) {
        this.tokenFile = tokenFile;
    }

    public String getKubeconfig() {
        return kubeconfig;
    }

    public void setKubeconfig(String kubeconfig) {
        this.kubeconfig = kubeconfig;
    }

    public String getKubeContext() {
        return kubeContext;
    }

    public void setKubeContext(String kubeContext) {
        this.kubeContext = kubeContext;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public String getPlatformAdminGroup() {
        return platformAdminGroup;
    }

    public void setPlatformAdminGroup(String platformAdminGroup) {
        this.platformAdminGroup = platformAdminGroup;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public List<String> getGroups() {
        return groups;
    }

    public void setGroups(List<String> groups) {
        this.groups = groups == null ? null : new ArrayList<>(groups);
    }

    public String getTokenTtl() {
        return tokenTtl;
    }

    public void setTokenTtl(String tokenTtl) {
        this.tokenTtl = tokenTtl;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
