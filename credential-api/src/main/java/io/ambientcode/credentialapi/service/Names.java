package io.ambientcode.credentialapi.service;

import io.ambientcode.contracts.credential.CredentialApiPaths;
import java.util.regex.Pattern;

/**
 * Shapes of the names and ids this API accepts. Deliberately narrow: they appear in paths, groups
 * ({@code project:<p>:admin}) and audit rows, so no separators, quotes, whitespace or path segments.
 */
public final class Names {

    /** Project, agent and credential names: a letter or digit, then letters, digits, {@code _ . -}; at most 63. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    /** Server-generated ids (credentials, bindings). */
    public static final Pattern ID = CredentialApiPaths.CREDENTIAL_ID;
    /** Session ids (the AgenticSession's uid). */
    public static final Pattern SESSION_ID = Pattern.compile("[a-zA-Z0-9-]{8,64}");

    private Names() {
    }

    public static boolean isName(String s) {
        return s != null && NAME.matcher(s).matches() && !s.contains("..");
    }

    public static boolean isId(String s) {
        return s != null && ID.matcher(s).matches();
    }
}
