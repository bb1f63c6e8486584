package io.ambientcode.controlplane.kubernetes;

import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.controlplane.config.ControlPlaneConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Runs the Java Operator SDK inside Quarkus (ARCHITECTURE.md section 2): started from the start-up event with the
 * Quarkus-managed client, stopped on shutdown. Its dependencies are singletons built with it, so configuration
 * errors (signing key, URLs, images, quantities) stop the application before the operator touches the cluster. The AgenticSession CRD must exist before it starts (it is installed
 * with the deployment, not by the control plane, which has no rights on CRDs).
 */
@ApplicationScoped
public class OperatorLauncher {

    private static final Logger LOG = Logger.getLogger(OperatorLauncher.class);

    private final Instance<KubernetesClient> client;
    private final ControlPlaneConfig config;
    private final Instance<AgenticSessionReconciler> reconciler;
    private volatile Operator operator;

    /** The client and the reconciler are looked up only when the operator starts: the local runtime needs neither. */
    @Inject
    public OperatorLauncher(Instance<KubernetesClient> client, ControlPlaneConfig config,
            Instance<AgenticSessionReconciler> reconciler) {
        this.client = client;
        this.config = config;
        this.reconciler = reconciler;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.runtime() != ControlPlaneConfig.RuntimeKind.kubernetes) {
            LOG.infof("operator not started: runtime is %s", config.runtime());
        } else if (config.operator().enabled()) {
            start();
        } else {
            LOG.info("operator disabled (ambient.control-plane.operator.enabled=false)");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts a fresh operator: informers list everything again and every session is reconciled once. */
    public synchronized void start() {
        if (operator != null) {
            return;
        }
        // Built first: a configuration error (signing key, URLs, quantities) stops start-up before any cluster call.
        AgenticSessionReconciler sessions = reconciler.get();
        ControlPlaneConfig.Operator settings = config.operator();
        boolean ssa = settings.serverSideApply();
        Operator created = new Operator(o -> o
                .withKubernetesClient(client.get())
                .withCloseClientOnStop(false)
                .withConcurrentReconciliationThreads(settings.reconcileThreads())
                .withUseSSAToPatchPrimaryResource(ssa)
                .withSSABasedCreateUpdateMatchForDependentResources(ssa)
                // Dependents are create-only; the annotation would only add noise to every pod and Secret.
                .withPreviousAnnotationForDependentResources(false));
        GenericRetry retry = new GenericRetry()
                .setInitialInterval(settings.retryInitialInterval().toMillis())
                .setIntervalMultiplier(settings.retryMultiplier())
                .setMaxInterval(settings.retryMaxInterval().toMillis())
                .withoutMaxAttempts();
        created.register(sessions, c -> {
            c.withRetry(retry);
            // Generation-aware filtering would drop the stop annotation; the filter accepts spec and stop changes only.
            c.withGenerationAware(false);
            c.withOnUpdateFilter(new SessionUpdateFilter());
            settings.namespaces().filter(ns -> !ns.isEmpty()).ifPresent(c::settingNamespaces);
        });
        created.start();
        operator = created;
        LOG.infof("operator started: %s in %s, %d reconcile threads, server-side apply %s", AgenticSession.CRD_NAME,
                settings.namespaces().filter(ns -> !ns.isEmpty()).map(Object::toString).orElse("all namespaces"),
                settings.reconcileThreads(), ssa ? "on" : "off");
    }

    public synchronized void stop() {
        if (operator != null) {
            operator.stop();
            operator = null;
            LOG.info("operator stopped");
        }
    }

    /** Started, and every informer is watching. */
    public boolean isHealthy() {
        Operator current = operator;
        return current != null && current.getRuntimeInfo().isStarted() && current.getRuntimeInfo().allEventSourcesAreHealthy();
    }

    /** The operator is meant to run: the Kubernetes runtime with the operator switched on. */
    public boolean isEnabled() {
        return config.runtime() == ControlPlaneConfig.RuntimeKind.kubernetes && config.operator().enabled();
    }
}
