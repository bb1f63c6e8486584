package io.ambientcode.contracts.credential;

import java.util.regex.Pattern;

/** Routes of the credential API that other modules call (ARCHITECTURE.md section 5). */
public final class CredentialApiPaths {

    public static final String BASE = "/api/ambient/v1";
    /** Credential ids: server-generated, URL-safe. */
    public static final Pattern CREDENTIAL_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private CredentialApiPaths() {
    }

    public static String token(String credentialId) {
        return BASE + "/credentials/" + credentialId + "/token";
    }

    public static String credential(String credentialId) {
        return BASE + "/credentials/" + credentialId;
    }

    public static String resolveBindings(String project) {
        return BASE + "/projects/" + project + "/credential-bindings:resolve";
    }
}
