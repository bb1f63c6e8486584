package io.ambientcode.credentialapi.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every secret the suite generates (credential tokens, JWTs, private keys, encryption keys) and every response body
 * it received, so the last test can scan logs and responses for leaks (acceptance 6, invariant I5).
 */
public final class TestSecrets {

    private static final String SECRETS = "secrets.b64";
    private static final String RESPONSES = "responses.b64";

    private TestSecrets() {
    }

    /** Forgets everything: called once when the main test application starts. */
    public static void reset() {
        Shared.delete(SECRETS);
        Shared.delete(RESPONSES);
    }

    public static <T extends CharSequence> T register(T secret) {
        if (secret != null && secret.length() >= 8) {
            Shared.append(SECRETS, encode(secret.toString()));
        }
        return secret;
    }

    public static Set<String> all() {
        Set<String> out = new LinkedHashSet<>();
        Shared.lines(SECRETS).forEach(l -> out.add(decode(l)));
        return out;
    }

    public static void recordResponse(String description) {
        Shared.append(RESPONSES, encode(description));
    }

    public static List<String> responses() {
        return Shared.lines(RESPONSES).stream().map(TestSecrets::decode).toList();
    }

    private static String encode(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String line) {
        return new String(Base64.getDecoder().decode(line), StandardCharsets.UTF_8);
    }
}
