package io.ambientcode.sidecar.github.gitproxy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** How GitHub expects a token over git smart HTTP: Basic auth with user {@code x-access-token}. Pure. */
public final class GitCredentials {

    public static final String USER = "x-access-token";

    private GitCredentials() {
    }

    /** The base64 part of the header value; secret (registered with the redactor by the github module). */
    public static String basicValue(String token) {
        return Base64.getEncoder().encodeToString((USER + ":" + token).getBytes(StandardCharsets.UTF_8));
    }

    public static String authorizationHeader(String token) {
        return "Basic " + basicValue(token);
    }
}
