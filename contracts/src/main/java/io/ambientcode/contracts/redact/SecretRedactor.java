package io.ambientcode.contracts.redact;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it leaves a component (tool results, errors, log lines; invariant I5).
 * Two layers: the exact values this component knows are secret (and their base64 forms), and well-known token
 * shapes, so a secret that was never registered (say, a token echoed by an upstream) is still caught.
 * Immutable and thread-safe; {@link #withSecrets} returns a new instance.
 */
public final class SecretRedactor {

    public static final String MASK = "[REDACTED]";
    /** Values shorter than this are not treated as secrets by exact match (they would mangle ordinary text). */
    public static final int MIN_SECRET_LENGTH = 6;

    /** Shapes replaced entirely. */
    private static final List<Pattern> TOKEN_SHAPES = List.of(
            Pattern.compile("-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\\s\\S]*?(-----END \\1PRIVATE KEY-----|\\z)"),
            Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{20,}"),
            Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{20,}"),
            Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}"),
            Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"),
            Pattern.compile("\\bATATT[A-Za-z0-9_=-]{20,}"),
            Pattern.compile("\\bya29\\.[A-Za-z0-9._-]{20,}"),
            Pattern.compile("\\b1//[A-Za-z0-9_-]{20,}"),
            Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"),
            Pattern.compile("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*)?"));

    /** Shapes where only the value after a keyword is replaced, keeping the keyword for readability. */
    private static final List<Pattern> KEYED_SHAPES = List.of(
            Pattern.compile("(?i)(\\b(?:bearer|basic)\\s+)([A-Za-z0-9._~+/=-]{8,})"),
            Pattern.compile("(?i)(\"?(?:client-key-data|client-certificate-data|private_key|client_secret|refresh_token"
                    + "|access_token|password|token)\"?\\s*[:=]\\s*\"?)([^\"\\s,}]{8,})"));

    private static final SecretRedactor NONE = new SecretRedactor(List.of());

    private final List<String> literals;

    private SecretRedactor(List<String> literals) {
        this.literals = literals;
    }

    /** A redactor that knows no literal secrets (shapes only). */
    public static SecretRedactor shapesOnly() {
        return NONE;
    }

    public static SecretRedactor of(Collection<String> secrets) {
        return NONE.withSecrets(secrets);
    }

    /** A new redactor that also hides these values (plus their standard and URL-safe base64 forms). */
    public SecretRedactor withSecrets(Collection<String> secrets) {
        Set<String> all = new LinkedHashSet<>(literals);
        for (String s : secrets) {
            if (s == null || s.length() < MIN_SECRET_LENGTH) {
                continue;
            }
            all.add(s);
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            all.add(Base64.getEncoder().encodeToString(bytes));
            all.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
            String stripped = s.strip();
            if (!stripped.equals(s) && stripped.length() >= MIN_SECRET_LENGTH) {
                all.add(stripped);
            }
        }
        List<String> ordered = new ArrayList<>(all);
        // Longest first, so a secret that contains another is removed whole.
        ordered.sort(Comparator.comparingInt(String::length).reversed());
        return new SecretRedactor(List.copyOf(ordered));
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : literals) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        for (Pattern p : TOKEN_SHAPES) {
            out = p.matcher(out).replaceAll(MASK);
        }
        for (Pattern p : KEYED_SHAPES) {
            Matcher m = p.matcher(out);
            if (m.find()) {
                out = m.replaceAll(r -> r.group(2).equals(MASK) || r.group(2).startsWith(MASK)
                        ? Matcher.quoteReplacement(r.group())
                        : Matcher.quoteReplacement(r.group(1) + MASK));
            }
        }
        return out;
    }

    /** True if the text contains any known literal secret or token shape; for leak-scanning tests and filters. */
    public boolean containsSecret(String text) {
        return text != null && !redact(text).equals(text);
    }
}
