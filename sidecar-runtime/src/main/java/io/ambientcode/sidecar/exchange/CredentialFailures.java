package io.ambientcode.sidecar.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/** Reads the stable {@code code} of a problem+json error body, and nothing else from it. */
public final class CredentialFailures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 8192;

    private CredentialFailures() {
    }

    public static Optional<String> code(String body) {
        if (body == null || body.isEmpty() || body.length() > MAX_BODY) {
            return Optional.empty();
        }
        try {
            JsonNode code = JSON.readTree(body).path("code");
            // A code is a short identifier; anything else is not echoed.
            return code.isTextual() && code.textValue().matches("[a-z_]{1,64}") ? Optional.of(code.textValue()) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
