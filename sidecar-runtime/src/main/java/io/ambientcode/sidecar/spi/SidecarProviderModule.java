package io.ambientcode.sidecar.spi;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.sidecar.credential.Credential;
import java.util.List;

/**
 * What a provider module (sidecar-github, sidecar-jira, ...) tells the shared runtime. Exactly one CDI bean of this
 * type must exist in a sidecar application; the runtime refuses to start without it.
 *
 * <p>The other extension points are plain CDI:
 * <ul>
 * <li>tools: {@code @Tool} methods on a bean annotated {@link io.ambientcode.sidecar.tools.SidecarTools}
 * (results and errors are redacted, upstream errors become tool errors), with {@code @Tool.Annotations}
 * {@code readOnlyHint}/{@code destructiveHint} set truthfully: read-only mode hides every tool not marked read-only;</li>
 * <li>client rebuild: observe {@link io.ambientcode.sidecar.credential.CredentialChanged};</li>
 * <li>upstream 401: run calls through {@link io.ambientcode.sidecar.credential.CredentialScope#call} and throw
 * {@link io.ambientcode.sidecar.tools.UpstreamException} with status 401; it refreshes once and retries once.</li>
 * </ul>
 */
public interface SidecarProviderModule {

    /** The provider this sidecar serves; {@code CREDENTIAL_PROVIDER} must name it. */
    Provider provider();

    /**
     * Extra secret values derived from a credential that the redactor must hide besides the raw {@code token}
     * (which is always hidden): e.g. the base64 of {@code email:token} for Basic auth, or the fields of a JSON
     * credential (client secret, refresh token, private key). Values shorter than 6 characters are ignored.
     */
    default List<String> secretFragments(Credential credential) {
        return List.of();
    }

    /** Name used in tool error messages, e.g. {@code "GitHub API"}. */
    default String upstreamName() {
        return provider().id() + " API";
    }
}
