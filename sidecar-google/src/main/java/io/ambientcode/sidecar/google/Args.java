package io.ambientcode.sidecar.google;

import java.util.List;
import java.util.regex.Pattern;

/** Argument checks shared by the Google tools; each failure is an {@link IllegalArgumentException} (a tool error). */
public final class Args {

    /** Gmail message/label ids and Drive file/folder ids: letters, digits, {@code _} and {@code -}. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    /** Every tool accepts workspace-mcp's {@code user_google_email} and ignores it: the session's credential decides. */
    public static final String USER_EMAIL_NOTE = "Accepted for compatibility with workspace-mcp and ignored: the "
            + "session's Google credential decides the account";

    private Args() {
    }

    public static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing required parameter: " + name);
        }
        return value.strip();
    }

    /** An id safe in a path and inside a Drive query literal. */
    public static String id(String name, String value) {
        String v = required(name, value);
        if (!ID.matcher(v).matches()) {
            throw new IllegalArgumentException(name + " '" + v + "' is not a Google id");
        }
        return v;
    }

    public static List<String> ids(String name, List<String> values) {
        return values == null ? List.of() : values.stream().map(v -> id(name, v)).toList();
    }

    public static int range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
        }
        return value;
    }
}
