package io.ambientcode.controlplane.plan;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A session's maximum run time as written in its spec ({@code 2h}, {@code 45m}, {@code 1h30m10s}). */
public final class SessionTimeout {

    private static final Pattern FORMAT = Pattern.compile("(?:(\\d{1,6})h)?(?:(\\d{1,7})m)?(?:(\\d{1,9})s)?");

    private SessionTimeout() {
    }

    /** True when {@code value} is absent or a well-formed duration. */
    public static boolean isWellFormed(String value) {
        return value == null || FORMAT.matcher(value).matches();
    }

    /** Seconds, when {@code value} is a well-formed duration above zero; empty otherwise. */
    public static OptionalLong seconds(String value) {
        if (value == null || value.isEmpty()) {
            return OptionalLong.empty();
        }
        Matcher m = FORMAT.matcher(value);
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        long seconds = part(m.group(1)) * 3600 + part(m.group(2)) * 60 + part(m.group(3));
        return seconds > 0 ? OptionalLong.of(seconds) : OptionalLong.empty();
    }

    private static long part(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
