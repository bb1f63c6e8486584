package io.ambientcode.sidecar.jira.client;

import io.ambientcode.sidecar.credential.Credential;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How a Jira credential authenticates (ARCHITECTURE.md section 3): with an {@code email} it is a Cloud API token sent
 * as HTTP Basic {@code email:token}; without one it is a Server/DC personal access token sent as Bearer. Pure.
 */
public final class JiraAuth {

    private JiraAuth() {
    }

    /** The value of the {@code Authorization} header for this credential. */
    public static String header(Credential credential) {
        return credential.email()
                .map(email -> "Basic " + basicCredentials(email, credential.token()))
                .orElseGet(() -> "Bearer " + credential.token());
    }

    /** {@code base64(email:token)}, the secret part of a Basic header. */
    public static String basicCredentials(String email, String token) {
        return Base64.getEncoder().encodeToString((email + ":" + token).getBytes(StandardCharsets.UTF_8));
    }
}
