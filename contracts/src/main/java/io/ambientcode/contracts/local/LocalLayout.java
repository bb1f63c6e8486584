package io.ambientcode.contracts.local;

import java.nio.file.Path;

/**
 * Local mode (ARCHITECTURE.md section 6): the whole suite on one machine, every service a child process of
 * {@code acpctl up} bound to 127.0.0.1, sharing one data directory. This class is the one place that says what lives
 * where in it, and on which ports the services listen, so acpctl, the services' {@code local} profiles and the tests
 * agree. All secret files are created with mode 0600 inside a 0700 directory.
 */
public final class LocalLayout {

    /** Default data directory, overridden by {@code acpctl --data-dir} or {@value #DATA_DIR_ENV}. */
    public static final String DATA_DIR_ENV = "AMBIENT_DATA_DIR";
    public static final String DEFAULT_DATA_DIR_NAME = ".ambient";

    public static final int TOKEN_SERVER_PORT = 8180;
    public static final int CREDENTIAL_API_PORT = 8181;
    public static final int CONTROL_PLANE_PORT = 8190;
    public static final String LOOPBACK = "127.0.0.1";

    /** Bearer key of the control plane's session registry (see {@code LocalSessionRegistry}). */
    public static final String REGISTRY_KEY = "registry.key";
    /** The development user issuer's RSA key (PKCS#8) and public half (SPKI); issuer {@code ambient-local-dev}. */
    public static final String DEV_ISSUER_KEY = "dev-issuer.pem";
    public static final String DEV_ISSUER_PUBLIC_KEY = "dev-issuer.pub.pem";
    /** The control plane's JWT signing key for the credential API (PKCS#8) and its public half (SPKI). */
    public static final String CONTROL_PLANE_KEY = "control-plane.pem";
    public static final String CONTROL_PLANE_PUBLIC_KEY = "control-plane.pub.pem";
    /** The credential API's at-rest encryption key: base64 of 32 random bytes, keyring version 1. */
    public static final String ENCRYPTION_KEY = "encryption.key";
    /** Token server keys directory (its file key store). */
    public static final String TOKEN_SERVER_KEYS_DIR = "token-server";
    /** The credential API's embedded database directory. */
    public static final String DATABASE_DIR = "db";
    /** Per-session runtime files: {@code sessions/<session>/<provider>.proof} (0600), sidecar logs. */
    public static final String SESSIONS_DIR = "sessions";
    /** Service logs: {@code logs/<service>.log}. */
    public static final String LOGS_DIR = "logs";
    /** What {@code acpctl up} started: {@code run/<service>.pid}, {@code run/state.json}. */
    public static final String RUN_DIR = "run";

    private LocalLayout() {
    }

    public static Path defaultDataDir() {
        String env = System.getenv(DATA_DIR_ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), DEFAULT_DATA_DIR_NAME);
    }

    public static String url(int port) {
        return "http://" + LOOPBACK + ":" + port;
    }
}
