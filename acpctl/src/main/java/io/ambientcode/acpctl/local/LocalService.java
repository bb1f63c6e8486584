package io.ambientcode.acpctl.local;

import io.ambientcode.contracts.local.LocalLayout;
import java.nio.file.Path;

/**
 * The three services of the local suite, in start order, each a Quarkus application of this repository run with
 * {@code QUARKUS_PROFILE=local} on its {@link LocalLayout} port (the services find each other there).
 */
public enum LocalService {

    TOKEN_SERVER("token-server", LocalLayout.TOKEN_SERVER_PORT),
    CREDENTIAL_API("credential-api", LocalLayout.CREDENTIAL_API_PORT),
    CONTROL_PLANE("control-plane", LocalLayout.CONTROL_PLANE_PORT);

    /** Where a module's packaged application is, under the repository (AMBIENT_HOME). */
    static final String JAR = "target/quarkus-app/quarkus-run.jar";
    static final String READINESS_PATH = "/q/health/ready";

    private final String id;
    private final int port;

    LocalService(String id, int port) {
        this.id = id;
        this.port = port;
    }

    /** Name in output and files ({@code logs/<id>.log}); also the module directory. */
    public String id() {
        return id;
    }

    public int port() {
        return port;
    }

    public String url() {
        return LocalLayout.url(port);
    }

    public Path jar(Path home) {
        return home.resolve(id).resolve(JAR);
    }

    public Path log(Path dataDir) {
        return dataDir.resolve(LocalLayout.LOGS_DIR).resolve(id + ".log");
    }

    /** Stop order: the control plane first (it stops the sidecars), then what it depends on. */
    static LocalService[] stopOrder() {
        return new LocalService[] { CONTROL_PLANE, CREDENTIAL_API, TOKEN_SERVER };
    }
}
