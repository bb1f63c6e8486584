package io.ambientcode.sidecar.k8s.client;

import io.ambientcode.sidecar.SidecarConfig;
import io.ambientcode.sidecar.credential.Credential;
import io.ambientcode.sidecar.credential.CredentialChanged;
import io.ambientcode.sidecar.credential.UnusableCredentialException;
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
 * The live fabric8 client (I7). A fetched kubeconfig is parsed from memory when the runtime validates and prepares the
 * credential, before it is published ({@link #stage}); a kubeconfig that cannot be used is refused then, so it never
 * becomes the live credential. The client itself is built on the first call that needs it (start-up stays fast), once
 * per credential. When the credential is published the staged entry becomes current ({@link #published}), and the
 * replaced client is closed after a grace period, so calls that started with it can finish.
 */
@Singleton
public class KubeClients {

    private static final Logger LOG = Logger.getLogger(KubeClients.class);

    /** One credential's parsed kubeconfig and, once a call needed it, its client. */
    private final class Entry {
        final Credential credential;
        final KubeTarget target;
        private volatile KubeSession session;
        private String failure;

        Entry(Credential credential, KubeTarget target) {
            this.credential = credential;
            this.target = target;
        }

        KubeSession session() {
            KubeSession s = session;
            if (s != null) {
                return s;
            }
            synchronized (this) {
                if (session == null && failure == null) {
                    try {
                        KubernetesClient client = new KubernetesClientBuilder().withConfig(target.config())
                                .withHttpClientFactory(new JdkHttpClientFactory()).build();
                        session = new KubeSession(credential.credentialId(), client, target);
                        LOG.infof("kubernetes client for credential %s: context %s, server %s, namespace %s",
                                credential.credentialId(), target.context(), target.server(), target.namespace());
                    } catch (RuntimeException e) {
                        failure = "the kubeconfig could not be turned into a client";
                        LOG.errorf("credential %s: building the kubernetes client failed (%s)", credential.credentialId(),
                                e.getClass().getName());
                    }
                }
                if (session == null) {
                    throw new ToolCallException("the kubeconfig credential cannot be used: " + failure);
                }
                return session;
            }
        }

        Optional<KubeSession> built() {
            return Optional.ofNullable(session);
        }
    }

    private final AtomicReference<Entry> current = new AtomicReference<>();
    private final AtomicReference<Entry> staged = new AtomicReference<>();
    private final ScheduledExecutorService closer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kube-client-closer");
        t.setDaemon(true);
        return t;
    });
    private final K8sConfig config;
    private final KubeconfigParser.Limits limits;

    @Inject
    public KubeClients(K8sConfig config, SidecarConfig sidecar) {
        this.config = config;
        this.limits = new KubeconfigParser.Limits(sidecar.upstream().connectTimeout(), sidecar.upstream().requestTimeout());
    }

    /**
     * The kubeconfig in the credential, parsed from memory.
     *
     * @throws UnusableCredentialException naming what the sidecar refuses (exec plugins, file references, ...)
     */
    public KubeTarget parse(Credential credential) {
        try {
            return KubeconfigParser.parse(credential.token(), limits);
        } catch (InvalidKubeconfigException e) {
            LOG.errorf("credential %s holds a kubeconfig the sidecar cannot use: %s", credential.credentialId(),
                    e.getMessage());
            throw new UnusableCredentialException(e.getMessage());
        }
    }

    /** Parses the credential about to be published and keeps it ready for the first call that uses it. */
    public void stage(Credential credential) {
        staged.set(new Entry(credential, parse(credential)));
    }

    /** The published credential's entry becomes current; the replaced client is retired. */
    void published(@Observes CredentialChanged change) {
        Entry s = staged.getAndSet(null);
        Entry next = s != null && s.credential == change.current() ? s : new Entry(change.current(), parse(change.current()));
        retire(current.getAndSet(next));
    }

    /**
     * The session for the credential a call runs with: the staged one when the call already runs with the credential
     * being published, otherwise the current one (a call that started with an older credential gets the current client).
     */
    public KubeSession require(Credential credential) {
        Entry s = staged.get();
        if (s != null && s.credential == credential) {
            return s.session();
        }
        Entry c = current.get();
        if (c == null) {
            throw new ToolCallException("the kubeconfig credential is not loaded yet");
        }
        return c.session();
    }

    /** The current session, if its client was built (tests and diagnostics). */
    public Optional<KubeSession> current() {
        Entry c = current.get();
        return c == null ? Optional.empty() : c.built();
    }

    private void retire(Entry old) {
        if (old == null) {
            return;
        }
        old.built().ifPresent(session -> closer.schedule(() -> {
            try {
                session.client().close();
                LOG.debugf("closed the kubernetes client of credential %s", old.credential.credentialId());
            } catch (RuntimeException e) {
                LOG.warnf("closing a replaced kubernetes client failed (%s)", e.getClass().getName());
            }
        }, config.retiredClientGrace().toMillis(), TimeUnit.MILLISECONDS));
    }

    void shutdown(@Observes ShutdownEvent event) {
        closer.shutdownNow();
        Entry c = current.getAndSet(null);
        if (c != null) {
            c.built().ifPresent(s -> s.client().close());
        }
    }
}
