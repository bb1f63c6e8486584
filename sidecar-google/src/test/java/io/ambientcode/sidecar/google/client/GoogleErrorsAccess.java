package io.ambientcode.sidecar.google.client;

import java.util.Optional;

/** Test access to the package-private parser. */
public final class GoogleErrorsAccess {

    private GoogleErrorsAccess() {
    }

    public static Optional<String> message(String body) {
        return GoogleErrors.message(body);
    }
}
