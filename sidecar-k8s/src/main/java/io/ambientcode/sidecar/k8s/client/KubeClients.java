package io.ambientcode.sidecar.k8s.client;

import io.ambientcode.sidecar.SidecarConfig;
import io.ambientcode.sidecar.credential.Credential;
import io.ambientcode.sidecar.credential.CredentialChanged;
import io.ambientcode.sidecar.credential.CredentialHolder;
import io.ambientcode.sidecar.k8s.K8sConfig;
import io.ambientcode.sidecar.k8s.kubeconfig.InvalidKubeconfigException;
import io.ambientcode.sidecar.k8s.kubeconfig.KubeTarget;
import io.ambientcode.sidecar.k8s.kubeconfig.KubeconfigParser;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.quarkiverse.mcp.server.ToolCallException;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The live fabric8 client (I7): rebuilt from the kubeconfig in memory on every credential change and swapped
 * atomically. The replaced client is closed after a grace period, so calls that started with it can finish. A
 * kubeconfig that cannot be used leaves no client; tools then say why (never with a value from the document).
 */
@Singleton
public class KubeClients {

    private static final Logger LOG = Logger.getLogger(KubeClients.class);

    /** Either a session or the reason there is none, for one credential. */
    private record State(Credential credential, KubeSession session, String unusable) {
    }

    private final AtomicReference<State> state = new AtomicReference<>();
    private final ScheduledExecutorService closer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kube-client-closer");
        t.setDaemon(true);
        return t;
    });
    private final K8sConfig config;
    private final CredentialHolder holder;
    private final KubeconfigParser.Limits limits;

    @Inject
    public KubeClients(K8sConfig config, SidecarConfig sidecar, CredentialHolder holder) {
        this.config = config;
        this.holder = holder;
        this.limits = new KubeconfigParser.Limits(sidecar.upstream().connectTimeout(), sidecar.upstream().requestTimeout());
    }

    void rebuild(@Observes CredentialChanged change) {
        ensure(change.current());
    }

    /** The state for this credential, built now unless it exists (observer and first call may race; one builds). */
    private synchronized State ensure(Credential credential) {
        State current = state.get();
        if (current != null && current.credential() == credential) {
            return current;
        }
        State next = build(credential);
        retire(state.getAndSet(next));
        return next;
    }

    private State build(Credential credential) {
        State next;
        try {
            KubeTarget target = KubeconfigParser.parse(credential.token(), limits);
            KubernetesClient client = new KubernetesClientBuilder().withConfig(target.config())
                    .withHttpClientFactory(new JdkHttpClientFactory()).build();
            next = new State(credential, new KubeSession(credential.credentialId(), client, target), null);
            LOG.infof("kubernetes client for credential %s: context %s, server %s, namespace %s",
                    credential.credentialId(), target.context(), target.server(), target.namespace());
        } catch (InvalidKubeconfigException e) {
            next = new State(credential, null, e.getMessage());
            LOG.errorf("credential %s holds a kubeconfig the sidecar cannot use: %s", credential.credentialId(),
                    e.getMessage());
        } catch (RuntimeException e) {
            next = new State(credential, null, "the kubeconfig could not be turned into a client");
            LOG.errorf("credential %s: building the kubernetes client failed (%s)", credential.credentialId(),
                    e.getClass().getName());
        }
        return next;
    }

    /**
     * The session for the credential a call runs with. The holder swaps the credential before it tells observers, so
     * a call may arrive with the new credential before {@link #rebuild} ran: the client is then built here (once). A
     * call that started with an older credential gets the current client.
     */
    public KubeSession require(Credential credential) {
        State s = state.get();
        if (s == null || (s.credential() != credential && holder.current().orElse(null) == credential)) {
            s = ensure(credential);
        }
        if (s.session() == null) {
            throw new ToolCallException("the kubeconfig credential cannot be used: " + s.unusable());
        }
        return s.session();
    }

    /** The current session, if any (tests and diagnostics). */
    public Optional<KubeSession> current() {
        State s = state.get();
        return Optional.ofNullable(s == null ? null : s.session());
    }

    private void retire(State old) {
        if (old == null || old.session() == null) {
            return;
        }
        KubernetesClient client = old.session().client();
        long grace = config.retiredClientGrace().toMillis();
        closer.schedule(() -> {
            try {
                client.close();
                LOG.debugf("closed the kubernetes client of credential %s", old.credential().credentialId());
            } catch (RuntimeException e) {
                LOG.warnf("closing a replaced kubernetes client failed (%s)", e.getClass().getName());
            }
        }, grace, TimeUnit.MILLISECONDS);
    }

    void shutdown(@Observes ShutdownEvent event) {
        closer.shutdownNow();
        State s = state.getAndSet(null);
        if (s != null && s.session() != null) {
            s.session().client().close();
        }
    }
}
