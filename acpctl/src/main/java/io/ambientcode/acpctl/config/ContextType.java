package io.ambientcode.acpctl.config;

/** Where a context's services are: on this machine ({@code acpctl up}) or in a cluster. */
public enum ContextType {
    /** The suite on this machine: URLs from {@code LocalLayout}, user tokens from the development issuer. */
    local,
    /** A cluster: the credential API's URL, an OIDC token, and a kubeconfig context for sessions. */
    cluster
}
