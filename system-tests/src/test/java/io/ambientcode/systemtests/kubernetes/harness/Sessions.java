package io.ambientcode.systemtests.kubernetes.harness;

import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.AgenticSessionSpec;
import io.ambientcode.contracts.session.RunnerEnvVar;
import io.ambientcode.contracts.session.RunnerSpec;
import io.ambientcode.contracts.session.SessionPhase;
import io.ambientcode.systemtests.support.Repository;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** AgenticSessions as a user creates them, and waiting for what the control plane does with them. */
public final class Sessions {

    private final KubernetesClient client;
    private final Kubelet kubelet;
    private final String namespace;

    public Sessions(KubernetesClient client, Kubelet kubelet, String namespace) {
        this.client = client;
        this.kubelet = kubelet;
        this.namespace = namespace;
    }

    /** Creates a session of {@code project}; {@code credentials} optionally names credential ids explicitly. */
    public AgenticSession create(String name, String project, List<String> credentials) {
        AgenticSession s = new AgenticSession();
        s.getMetadata().setName(name);
        s.getMetadata().setNamespace(namespace);
        AgenticSessionSpec spec = new AgenticSessionSpec();
        spec.setProject(project);
        RunnerSpec runner = new RunnerSpec();
        runner.setImage("quay.io/ambient-code/runner:" + Repository.version());
        RunnerEnvVar task = new RunnerEnvVar();
        task.setName("TASK");
        task.setValue("system test session " + name);
        runner.setEnv(List.of(task));
        spec.setRunner(runner);
        if (credentials != null && !credentials.isEmpty()) {
            spec.setCredentials(credentials);
        }
        s.setSpec(spec);
        return client.resources(AgenticSession.class).inNamespace(namespace).resource(s).create();
    }

    public AgenticSession get(String name) {
        return client.resources(AgenticSession.class).inNamespace(namespace).withName(name).get();
    }

    /** Waits for the control plane's pod of a session, then runs it (kubelet) and waits for the session to be Running. */
    public RunningPod start(String name) {
        Pod pod = awaitPod(name, Duration.ofSeconds(60));
        RunningPod running = kubelet.run(namespace, pod.getMetadata().getName());
        await(name, s -> s.getStatus() != null && s.getStatus().getPhase() == SessionPhase.Running, Duration.ofSeconds(60),
                "phase Running");
        return running;
    }

    public Pod awaitPod(String sessionName, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            AgenticSession s = get(sessionName);
            String podName = s == null || s.getStatus() == null ? null : s.getStatus().getPodName();
            Pod pod = client.pods().inNamespace(namespace).withName(podName != null ? podName : sessionName).get();
            if (pod != null) {
                return pod;
            }
            JavaProcess.sleep(200);
        }
        throw new AssertionError("the control plane created no pod for session " + sessionName + " within " + timeout
                + "; status: " + describe(get(sessionName)));
    }

    public AgenticSession await(String name, Predicate<AgenticSession> condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        AgenticSession s = null;
        while (System.nanoTime() < deadline) {
            s = get(name);
            if (s != null && condition.test(s)) {
                return s;
            }
            JavaProcess.sleep(200);
        }
        throw new AssertionError("session " + name + " did not reach " + what + " within " + timeout + "; status: " + describe(s));
    }

    /** Asks the control plane to stop a session ({@code spec.stop: true}). */
    public void stop(String name) {
        client.resources(AgenticSession.class).inNamespace(namespace).withName(name).edit(s -> {
            s.getSpec().setStop(true);
            return s;
        });
    }

    /** provider → proof, from a session's proofs Secret (what an attacker who obtained that Secret would hold). */
    public java.util.Map<String, String> proofs(String sessionName) {
        var secret = client.secrets().inNamespace(namespace).withName(io.ambientcode.contracts.session.ProofSecret.nameFor(sessionName)).get();
        if (secret == null) {
            throw new AssertionError("no proofs Secret for session " + sessionName);
        }
        java.util.Map<String, String> proofs = new java.util.LinkedHashMap<>();
        secret.getData().forEach((k, v) -> proofs.put(k, new String(java.util.Base64.getDecoder().decode(v),
                java.nio.charset.StandardCharsets.UTF_8).strip()));
        return proofs;
    }

    public boolean podExists(String podName) {
        return client.pods().inNamespace(namespace).withName(podName).get() != null;
    }

    public static String describe(AgenticSession s) {
        if (s == null) {
            return "(no session)";
        }
        return s.getStatus() == null ? "(no status)" : io.fabric8.kubernetes.client.utils.Serialization.asJson(s.getStatus());
    }
}
