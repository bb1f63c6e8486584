package io.ambientcode.systemtests.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every secret value this run created or saw (tokens, proofs, keys, session JWTs, assertions), with a label that says
 * what it is, so the leak scan can look for each one in everything the run captured. Labels are printed; values never.
 */
public final class RunSecrets {

    /** Shorter values could occur by chance in unrelated text. */
    public static final int MIN_LENGTH = 16;

    private static final Map<String, String> SECRETS = Collections.synchronizedMap(new LinkedHashMap<>());

    private RunSecrets() {
    }

    /** Registers a value (ignored if shorter than {@link #MIN_LENGTH}); returns it for inline use. */
    public static String register(String label, String value) {
        if (value != null && value.length() >= MIN_LENGTH) {
            SECRETS.putIfAbsent(value, label);
        }
        return value;
    }

    /** A PEM key: its base64 body as one string and each of its lines, so a reformatted key is still found. */
    public static void registerPem(String label, String pem) {
        StringBuilder body = new StringBuilder();
        for (String line : pem.split("\\R")) {
            if (!line.startsWith("-----") && !line.isBlank()) {
                body.append(line.strip());
                register(label + " (line)", line.strip());
            }
        }
        register(label, body.toString());
    }

    /** A value and its standard base64 (e.g. inside a Basic header or a Secret's data). */
    public static void registerWithBase64(String label, String value) {
        register(label, value);
        register(label + " (base64)", Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** value → label, a copy. */
    public static Map<String, String> all() {
        synchronized (SECRETS) {
            return new LinkedHashMap<>(SECRETS);
        }
    }

    public static int count() {
        return SECRETS.size();
    }
}
