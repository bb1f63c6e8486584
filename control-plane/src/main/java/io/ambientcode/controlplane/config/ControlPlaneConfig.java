package io.ambientcode.controlplane.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the control plane is configured with ({@code ambient.control-plane.*}). Values that are secrets (the
 * signing key) are read from here but never logged; {@link ConfigurationCheck} validates the rest at start-up so a
 * bad value stops the service with the property named (invariant I6).
 */
@ConfigMapping(prefix = "ambient.control-plane")
public interface ControlPlaneConfig {

    /**
     * Where sessions run: {@code kubernetes} (the operator: a pod per session) or {@code local} (the local runtime of
     * {@code acpctl up}: a registry in the data directory, sidecars as local processes; needs the {@code local}
     * profile). In local mode neither the operator nor the Kubernetes client starts.
     */
    @WithDefault("kubernetes")
    RuntimeKind runtime();

    /** The two runtimes; both render the same {@code SidecarPlan}. */
    enum RuntimeKind {
        kubernetes,
        local
    }

    /** How the operator runs. */
    Operator operator();

    /** The local runtime (used only with {@code runtime=local}). */
    Local local();

    /** The credential API, which resolves a project's bindings to credential ids. */
    CredentialApi credentialApi();

    /** The token server the sidecars exchange their proof with. */
    TokenServer tokenServer();

    /** Credential sidecar containers. */
    Sidecars sidecars();

    /** The runner container. */
    Runner runner();

    interface Operator {

        /** Start the operator when the application starts; off only for tooling that needs the beans alone. */
        @WithDefault("true")
        boolean enabled();

        /** Namespaces whose AgenticSessions are reconciled; unset watches all namespaces. */
        Optional<Set<String>> namespaces();

        /** Sessions reconciled in parallel. Reconciles block on the credential API, so this is above the core count. */
        @WithDefault("10")
        int reconcileThreads();

        /**
         * Use server-side apply where the operator SDK supports it (status patches of the primary, creation and
         * matching of dependents). On in clusters; off against the fabric8 mock API server, which does not
         * implement it.
         */
        @WithDefault("true")
        boolean serverSideApply();

        /** First delay before a failed reconcile (e.g. credential API unreachable) is retried. */
        @WithDefault("1s")
        Duration retryInitialInterval();

        /** Growth factor of the retry delay. */
        @WithDefault("2")
        double retryMultiplier();

        /** Longest delay between retries; retries never stop while the session is waiting. */
        @WithDefault("60s")
        Duration retryMaxInterval();
    }

    interface CredentialApi {

        /** Base URL of the credential API as the control plane reaches it (without {@code /api/ambient/v1}). */
        URI url();

        /** The control plane's RS256 signing key, PEM (PKCS#1 or PKCS#8). Exactly one of this and the file. */
        Optional<String> signingKey();

        /** File holding the control plane's RS256 signing key, PEM. Exactly one of this and {@link #signingKey()}. */
        Optional<Path> signingKeyFile();

        /** {@code kid} header of the control plane's JWTs, when the credential API trusts more than one key. */
        Optional<String> signingKeyId();

        /** Lifetime of the control plane's JWT; at most 5 minutes (ControlPlaneClaims.MAX_LIFETIME). */
        @WithDefault("120s")
        Duration tokenLifetime();

        /** Connect timeout of calls to the credential API. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Whole-request timeout of calls to the credential API. */
        @WithDefault("10s")
        Duration requestTimeout();

        /**
         * When the credential API refuses a session (403, 404, 422), how long until the control plane asks again.
         * Refusals are not retried with backoff: they need someone to change a binding or the session.
         */
        @WithDefault("5m")
        Duration recheckAfterRefusal();
    }

    interface TokenServer {

        /**
         * Full URL of the token server's exchange endpoint, including {@code /token}, as sidecars reach it. Without
         * it (or without the public key) no sidecar is started and sessions say why; nothing falls back to handing
         * credentials to the runner.
         */
        Optional<String> url();

        /** The token server's exchange public key, SPKI PEM text. */
        Optional<String> publicKey();
    }

    interface Sidecars {

        /** Image per provider id ({@code github}, {@code jira}, {@code kubeconfig}, {@code google}); a provider without one is not started. */
        Map<String, String> images();

        /** Credential API base URL as sidecars reach it; defaults to {@code credential-api.url}. */
        Optional<String> apiUrl();

        /** Pass {@code AMBIENT_ALLOW_EXTERNAL_API=true} to sidecars: API URLs outside loopback/the cluster (https only). */
        @WithDefault("false")
        boolean allowExternalApi();

        /** Image pull policy of sidecar containers; unset leaves the Kubernetes default. */
        Optional<String> imagePullPolicy();

        /** CPU request of each sidecar. */
        @WithDefault("50m")
        String requestsCpu();

        /** Memory request of each sidecar. */
        @WithDefault("128Mi")
        String requestsMemory();

        /** CPU limit of each sidecar. */
        @WithDefault("500m")
        String limitsCpu();

        /** Memory limit of each sidecar. */
        @WithDefault("256Mi")
        String limitsMemory();

        /** Size limit of each sidecar's private {@code /tmp}. */
        @WithDefault("10Mi")
        String tmpSize();

        /** Period of the startup probe; the runner starts only once every sidecar passed it. */
        @WithDefault("2")
        int startupProbePeriodSeconds();

        /** Failed startup probes before the kubelet restarts a sidecar (period x threshold = time to load a credential). */
        @WithDefault("60")
        int startupProbeFailureThreshold();

        /** Period of the readiness probe after start-up. */
        @WithDefault("10")
        int readinessProbePeriodSeconds();

        /** Restarts of a crash-looping sidecar after which the session is marked Failed. */
        @WithDefault("5")
        int crashLoopRestartLimit();
    }

    interface Runner {

        /** CPU request of the runner when the session does not set resources. */
        Optional<String> requestsCpu();

        /** Memory request of the runner when the session does not set resources. */
        Optional<String> requestsMemory();

        /** CPU limit of the runner when the session does not set resources. */
        Optional<String> limitsCpu();

        /** Memory limit of the runner when the session does not set resources. */
        Optional<String> limitsMemory();

        /** Size limit of the runner's {@code /tmp}; unset means no limit beyond the node's. */
        Optional<String> tmpSize();

        /** Size limit of the runner's {@code /workspace}; unset means no limit beyond the node's. */
        Optional<String> workspaceSize();
    }

    interface Local {

        /** The local data directory (contracts {@code LocalLayout}); defaults to {@code $AMBIENT_DATA_DIR} or {@code ~/.ambient}. */
        Optional<Path> dataDir();

        /**
         * The repository (or installation) root the sidecar jars are found under:
         * {@code <home>/sidecar-<x>/target/quarkus-app/quarkus-run.jar}. {@code acpctl up} passes {@code AMBIENT_HOME}.
         */
        Optional<Path> home();

        /** Jar per provider id, overriding the one under {@link #home()}. A provider without a jar is not started. */
        Map<String, Path> sidecarJars();

        /**
         * JVM options for every sidecar, overriding the options each sidecar ships in
         * {@code <module>/src/main/jvm/jvm.options} (found next to the jar's module).
         */
        Optional<List<String>> sidecarJvmOptions();

        /** The java launcher for sidecars; defaults to the one running the control plane. */
        Optional<Path> java();

        /** Delay before the first restart of a crashed sidecar; doubled after each further crash. */
        @WithDefault("1s")
        Duration restartInitialBackoff();

        /** Longest delay between restarts of a crashing sidecar. */
        @WithDefault("30s")
        Duration restartMaxBackoff();

        /** A sidecar ready for this long has its crash count reset (like a pod's back-off after a quiet period). */
        @WithDefault("60s")
        Duration restartResetAfter();

        /** How often each live session's sidecars are checked (process alive, {@code /q/health/ready}). */
        @WithDefault("1s")
        Duration checkInterval();

        /** How long a sidecar may take to exit after SIGTERM before it is killed. */
        @WithDefault("10s")
        Duration stopTimeout();

        /** Members of this group may see and manage every local session (acpctl login adds it by default). */
        @WithDefault(io.ambientcode.contracts.jwt.UserClaims.DEFAULT_PLATFORM_ADMIN_GROUP)
        String platformAdminGroup();
    }
}
