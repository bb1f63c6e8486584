package io.ambientcode.acpctl.session;

import io.ambientcode.contracts.session.AgenticSession;
import java.util.List;

/**
 * Where a context's sessions live: {@code AgenticSession} resources in a cluster namespace, or the control plane's
 * local session API. Both speak the same resource; every method throws {@code CliException} with the exit code.
 */
public interface SessionBackend extends AutoCloseable {

    AgenticSession create(AgenticSession session);

    List<AgenticSession> list();

    /** The session, or a not-found {@code CliException} (exit 4). */
    AgenticSession get(String name);

    /** Asks the control plane to stop the session; returns it as updated. */
    AgenticSession stop(String name);

    /** True for local mode (sidecars on this machine's loopback), false for a cluster (reached by port-forward). */
    boolean local();

    /** Where sessions are, for messages: "namespace team-a (kube context prod)" or "local control plane". */
    String where();

    /** For cluster sessions: the kubeconfig context and namespace, for kubectl hints. */
    default String kubeContext() {
        return null;
    }

    default String namespace() {
        return null;
    }

    /** Releases connections (a Kubernetes client's); never throws. */
    @Override
    default void close() {
    }
}
