package io.ambientcode.sidecar.spi;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.sidecar.credential.Credential;
import io.ambientcode.sidecar.credential.UnusableCredentialException;
import java.util.List;

/**
 * What a provider module (sidecar-github, sidecar-jira, ...) tells the shared runtime. Exactly one CDI bean of this
 * type must exist in a sidecar application; the runtime refuses to start without it.
 *
 * <p>A credential's life through the hooks: the runtime fetches it, {@link #validate checks} it, lets the module
 * {@link #prepare} what depends on it, and only then publishes it (readiness, tools, {@code CredentialChanged}). So the
 * first tool call after readiness, and every call after a refresh, finds the module ready for the credential it runs
 * with; nothing depends on an observer having finished.
 *
 * <p>The other extension points are plain CDI:
 * <ul>
 * <li>tools: {@code @Tool} methods on a bean annotated {@link io.ambientcode.sidecar.tools.SidecarTools}
 * (results and errors are redacted, upstream errors become tool errors), with {@code @Tool.Annotations}
 * {@code readOnlyHint}/{@code destructiveHint} set truthfully: read-only mode hides every tool not marked read-only,
 * {@code MCP_DISABLE_DESTRUCTIVE} every tool marked destructive;</li>
 * <li>upstream calls: {@link io.ambientcode.sidecar.upstream.UpstreamHttp} (bounded, no redirects), run inside
 * {@link io.ambientcode.sidecar.credential.CredentialScope#call}; throw
 * {@link io.ambientcode.sidecar.tools.UpstreamException} with status 401 and it refreshes once and retries once;</li>
 * <li>clean-up after a swap (closing a replaced client): observe
 * {@link io.ambientcode.sidecar.credential.CredentialChanged}.</li>
 * </ul>
 */
public interface SidecarProviderModule {

    /** The provider this sidecar serves; {@code CREDENTIAL_PROVIDER} must name it. */
    Provider provider();

    /**
     * Extra secret values derived from a credential that the redactor must hide besides the raw {@code token}
     * (which is always hidden): e.g. the base64 of {@code email:token} for Basic auth, or the fields of a JSON
     * credential (client secret, refresh token, private key). Values shorter than 6 characters are ignored. Secrets
     * obtained later with the credential (an OAuth access token) go through
     * {@link io.ambientcode.sidecar.credential.CredentialHolder#publishDerivedSecret}.
     */
    default List<String> secretFragments(Credential credential) {
        return List.of();
    }

    /** Name used in tool error messages, e.g. {@code "GitHub API"}. */
    default String upstreamName() {
        return provider().id() + " API";
    }

    /**
     * Problems of the module's own configuration, each naming its property (e.g.
     * {@code "ambient.google.token-url must use https"}). Checked at start-up right after the session environment:
     * any problem stops the sidecar before a port opens, with the runtime's message
     * {@code "refusing to start the <provider> sidecar: invalid configuration: ..."} (I6). Pure.
     */
    default List<String> configurationProblems() {
        return List.of();
    }

    /**
     * Whether a fetched credential can be used by this sidecar at all (a kubeconfig that runs an exec plugin, a Jira
     * credential without a site url, a Google JSON that is neither shape). An unusable credential is never published:
     * at start-up readiness stays down with the reason, later the previous credential stays in use; the runtime keeps
     * fetching with backoff, since the user may fix the stored credential. Must not call the upstream.
     *
     * @throws UnusableCredentialException with a reason that names fields, never values
     */
    default void validate(Credential credential) {
    }

    /**
     * Builds (or stages) what calls with this credential need, before the credential is published: parsed documents,
     * endpoints, light clients. Runs on the refresher's thread after {@link #validate}. Heavy clients may still be
     * built on first use, keyed by the credential, so start-up stays fast. A failure here is treated like an unusable
     * credential.
     */
    default void prepare(Credential credential) {
    }
}
