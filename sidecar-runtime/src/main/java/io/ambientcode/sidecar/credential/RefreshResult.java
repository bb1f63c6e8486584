package io.ambientcode.sidecar.credential;

import java.time.Duration;

/** Outcome of an on-demand refresh ({@code refresh_credentials}, {@code POST /refresh}). */
public sealed interface RefreshResult {

    /** A new credential was fetched and swapped in. */
    record Refreshed(String credentialId) implements RefreshResult {
    }

    /** Refused politely: the previous on-demand refresh was less than the minimum interval ago. */
    record TooEarly(Duration retryAfter) implements RefreshResult {
    }

    /** The exchange or fetch failed; the message is safe to show (stage, status, code). */
    record Failed(String safeMessage, boolean permanent) implements RefreshResult {
    }
}
