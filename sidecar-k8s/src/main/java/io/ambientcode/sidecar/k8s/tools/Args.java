package io.ambientcode.sidecar.k8s.tools;

/** Argument checks shared by the k8s tools; failures become "invalid argument: ..." tool errors. */
final class Args {

    /** Kubernetes object names (DNS subdomain, at most 253 characters). */
    private static final String NAME = "[a-z0-9]([-a-z0-9.]*[a-z0-9])?";

    private Args() {
    }

    static String required(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing required parameter: " + parameter);
        }
        return value.strip();
    }

    static String name(String parameter, String value) {
        String v = required(parameter, value);
        if (v.length() > 253 || !v.matches(NAME)) {
            throw new IllegalArgumentException(parameter + " '" + v + "' is not a Kubernetes object name");
        }
        return v;
    }

    /** An optional namespace: blank means "not given". */
    static String namespace(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > 63 || !v.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
            throw new IllegalArgumentException("namespace '" + v + "' is not a namespace name");
        }
        return v;
    }
}
