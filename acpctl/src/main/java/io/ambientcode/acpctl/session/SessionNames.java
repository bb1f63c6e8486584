package io.ambientcode.acpctl.session;

import io.ambientcode.acpctl.cli.CliException;

/** Session names are Kubernetes resource names (DNS labels): checked before any call. */
final class SessionNames {

    static final String PATTERN = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?";

    private SessionNames() {
    }

    static String check(String name) {
        if (name == null || !name.matches(PATTERN)) {
            throw CliException.usage("session name must be a lower-case DNS label (" + PATTERN + ")");
        }
        return name;
    }
}
