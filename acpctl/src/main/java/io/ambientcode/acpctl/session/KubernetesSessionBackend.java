package io.ambientcode.acpctl.session;

import io.ambientcode.acpctl.cli.CliException;
import io.ambientcode.acpctl.cli.ExitCodes;
import io.ambientcode.contracts.session.AgenticSession;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import java.net.ConnectException;
import java.util.List;
import java.util.function.Supplier;

/** Sessions as {@code AgenticSession} resources in one namespace, through the user's kubeconfig. */
public final class KubernetesSessionBackend implements SessionBackend {

    static final String STOP_PATCH = "{\"spec\":{\"stop\":true}}";

    private final KubernetesClient client;
    private final String namespace;
    private final String kubeContext;

    public KubernetesSessionBackend(KubernetesClient client, String namespace, String kubeContext) {
        this.client = client;
        this.namespace = namespace;
        this.kubeContext = kubeContext;
    }

    private MixedOperation<AgenticSession, KubernetesResourceList<AgenticSession>, Resource<AgenticSession>> sessions() {
        return client.resources(AgenticSession.class);
    }

    @Override
    public AgenticSession create(AgenticSession session) {
        session.getMetadata().setNamespace(namespace);
        return call(session.getMetadata().getName(), () -> sessions().inNamespace(namespace).resource(session).create());
    }

    @Override
    public List<AgenticSession> list() {
        return call(null, () -> sessions().inNamespace(namespace).list().getItems());
    }

    @Override
    public AgenticSession get(String name) {
        AgenticSession s = call(name, () -> sessions().inNamespace(namespace).withName(name).get());
        if (s == null) {
            throw notFound(name);
        }
        return s;
    }

    @Override
    public AgenticSession stop(String name) {
        return call(name, () -> sessions().inNamespace(namespace).withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), STOP_PATCH));
    }

    @Override
    public boolean local() {
        return false;
    }

    @Override
    public String where() {
        return "namespace " + namespace + (kubeContext == null ? "" : " (kube context " + kubeContext + ")");
    }

    @Override
    public String kubeContext() {
        return kubeContext;
    }

    @Override
    public String namespace() {
        return namespace;
    }

    @Override
    public void close() {
        client.close();
    }

    private CliException notFound(String name) {
        return CliException.notFound("session " + name + " not found in " + where());
    }

    /** Kubernetes API failures as one line with the exit code of their HTTP status. */
    private <T> T call(String name, Supplier<T> action) {
        try {
            return action.get();
        } catch (KubernetesClientException e) {
            int code = e.getCode();
            if (code == 404 && name != null) {
                throw notFound(name);
            }
            if (code == 409) {
                throw CliException.conflict("session " + name + " already exists in " + where());
            }
            if (code <= 0) {
                throw CliException.general("cannot reach the Kubernetes API of " + where() + ": " + rootCause(e));
            }
            String message = e.getStatus() != null && e.getStatus().getMessage() != null
                    ? e.getStatus().getMessage() : "HTTP " + code;
            throw new CliException(ExitCodes.forHttpStatus(code), "Kubernetes API (" + where() + "): "
                    + message.replaceAll("\\p{Cntrl}", " ") + " (HTTP " + code + ")");
        }
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t instanceof ConnectException ? "connection refused" : t.getClass().getSimpleName();
    }
}
