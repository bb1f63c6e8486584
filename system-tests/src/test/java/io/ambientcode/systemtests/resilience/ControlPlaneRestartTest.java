package io.ambientcode.systemtests.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.ProofSecret;
import io.ambientcode.contracts.session.SessionPhase;
import io.ambientcode.systemtests.kubernetes.harness.ServiceProcess;
import io.ambientcode.systemtests.kubernetes.harness.Services;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9, scenario 4: 100 sessions are created while the control plane is SIGKILLed partway through and started again.
 * No kubelet runs their pods (they stay Pending). Afterwards every session has exactly one pod and one proofs Secret
 * owned by it, its status names that pod, carries the resolved credential and says Pending (pod not ready); no pod or
 * Secret is owned by nothing.
 */
@Order(950)
@ExtendWith(ResilienceWorldExtension.class)
class ControlPlaneRestartTest {

    static final String SCENARIO = "4 control plane restarted during 100 session creations";
    static final int SESSIONS = 100;
    static final int KILL_AFTER = 30;
    static final String PREFIX = "burst-";

    private final ResilienceWorld world = ResilienceWorld.get();

    @Test
    void everySessionEndsWithExactlyOnePodAndACorrectStatus() {
        ResilienceSummary.run(SCENARIO, "create " + SESSIONS + " sessions; SIGKILL the control plane once " + KILL_AFTER
                + " exist, create the rest while it is down, start it again; count pods and Secrets per session", () -> {
            KubernetesClient client = world.services().cluster().client();
            String ns = Services.SESSIONS_NAMESPACE;
            ServiceProcess controlPlane = world.services().controlPlane();
            AtomicInteger created = new AtomicInteger();
            CompletableFuture<Void> creator = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < SESSIONS; i++) {
                    world.sessions().create(name(i), ResilienceWorld.PROJECT, null);
                    created.incrementAndGet();
                    if (i == KILL_AFTER - 1) {
                        // Let the control plane work on the first ones, then crash it while the rest arrive.
                        sleep(300);
                    }
                }
            });
            while (created.get() < KILL_AFTER && !creator.isDone()) {
                sleep(20);
            }
            sleep(150);
            int podsBeforeKill = podsOfBurst(client, ns).size();
            int createdBeforeKill = created.get();
            long oldPid = controlPlane.pid();
            controlPlane.kill();
            ResilienceSummary.did(SCENARIO, "SIGKILLed the control plane (pid " + oldPid + ") with " + createdBeforeKill
                    + " sessions created and " + podsBeforeKill + " pods written");
            creator.join();
            ResilienceSummary.did(SCENARIO, "all " + SESSIONS + " sessions created while it was down; starting it again");
            long t0 = System.nanoTime();
            controlPlane.start().awaitReady(Services.startupTimeout());
            long readyMs = (System.nanoTime() - t0) / 1_000_000;
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (System.nanoTime() < deadline && !allSettled(client, ns)) {
                sleep(500);
            }
            long settledMs = (System.nanoTime() - t0) / 1_000_000;

            Map<String, AgenticSession> sessions = new HashMap<>();
            for (AgenticSession s : client.resources(AgenticSession.class).inNamespace(ns).list().getItems()) {
                if (s.getMetadata().getName().startsWith(PREFIX)) {
                    sessions.put(s.getMetadata().getUid(), s);
                }
            }
            assertThat(sessions).hasSize(SESSIONS);
            java.util.Set<String> allSessions = new java.util.HashSet<>();
            client.resources(AgenticSession.class).inNamespace(ns).list().getItems().forEach(s -> allSessions.add(s.getMetadata().getUid()));
            Map<String, List<Pod>> podsBySession = byOwner(client.pods().inNamespace(ns).list().getItems());
            Map<String, List<Secret>> secretsBySession = byOwner(client.secrets().inNamespace(ns).list().getItems());
            List<String> wrong = new ArrayList<>();
            for (AgenticSession s : sessions.values()) {
                String uid = s.getMetadata().getUid();
                String name = s.getMetadata().getName();
                List<Pod> pods = podsBySession.getOrDefault(uid, List.of());
                List<Secret> secrets = secretsBySession.getOrDefault(uid, List.of());
                var status = s.getStatus();
                if (pods.size() != 1) {
                    wrong.add(name + ": " + pods.size() + " pods");
                    continue;
                }
                if (secrets.size() != 1 || !secrets.get(0).getMetadata().getName().equals(ProofSecret.nameFor(name))) {
                    wrong.add(name + ": proofs Secrets " + secrets.stream().map(x -> x.getMetadata().getName()).toList());
                }
                if (status == null || status.getPhase() != SessionPhase.Pending) {
                    wrong.add(name + ": phase " + (status == null ? null : status.getPhase()) + " (pod not ready: Pending expected)");
                } else if (!pods.get(0).getMetadata().getName().equals(status.getPodName())) {
                    wrong.add(name + ": status.podName " + status.getPodName() + " but pod " + pods.get(0).getMetadata().getName());
                } else if (!world.credentialId().equals(status.getCredentials() == null ? null : status.getCredentials().get("github"))) {
                    wrong.add(name + ": status.credentials " + status.getCredentials());
                }
            }
            long orphans = podsBySession.keySet().stream().filter(uid -> !allSessions.contains(uid)).count()
                    + secretsBySession.keySet().stream().filter(uid -> !allSessions.contains(uid)).count();
            int pods = sessions.keySet().stream().mapToInt(uid -> podsBySession.getOrDefault(uid, List.of()).size()).sum();
            ResilienceSummary.observed(SCENARIO, "control plane ready " + readyMs + " ms after start, all settled after "
                    + settledMs + " ms; " + pods + " pods for " + sessions.size() + " sessions; problems: " + wrong);
            assertThat(wrong).as("sessions without exactly one pod and a correct status").isEmpty();
            assertThat(orphans).as("pods or Secrets owned by no burst session").isZero();
            cleanUp(client, ns);
            return SESSIONS + " sessions, control plane SIGKILLed with " + createdBeforeKill + " created and " + podsBeforeKill
                    + " pods written; the rest created while it was down; restarted, ready in " + readyMs + " ms; all settled " + settledMs
                    + " ms after restart: " + pods + " pods, 1 per session, 1 proofs Secret each, phase Pending, podName and "
                    + "credentials set; 0 orphans";
        });
    }

    private static String name(int i) {
        return String.format("%s%03d", PREFIX, i);
    }

    /** Pods owned by a burst session (pod names are the control plane's business; ownership is what counts). */
    private static List<Pod> podsOfBurst(KubernetesClient client, String ns) {
        java.util.Set<String> burst = new java.util.HashSet<>();
        client.resources(AgenticSession.class).inNamespace(ns).list().getItems().stream()
                .filter(s -> s.getMetadata().getName().startsWith(PREFIX)).forEach(s -> burst.add(s.getMetadata().getUid()));
        return client.pods().inNamespace(ns).list().getItems().stream().filter(p -> ownedByOneOf(p, burst)).toList();
    }

    private static boolean ownedByOneOf(HasMetadata o, java.util.Set<String> uids) {
        List<OwnerReference> owners = o.getMetadata().getOwnerReferences();
        return owners != null && owners.stream().anyMatch(r -> uids.contains(r.getUid()));
    }

    private boolean allSettled(KubernetesClient client, String ns) {
        List<AgenticSession> all = client.resources(AgenticSession.class).inNamespace(ns).list().getItems().stream()
                .filter(s -> s.getMetadata().getName().startsWith(PREFIX)).toList();
        return all.size() == SESSIONS && all.stream().allMatch(s -> s.getStatus() != null && s.getStatus().getPodName() != null
                && s.getStatus().getPhase() != null) && podsOfBurst(client, ns).size() >= SESSIONS;
    }

    private static <T extends HasMetadata> Map<String, List<T>> byOwner(List<T> objects) {
        Map<String, List<T>> out = new HashMap<>();
        for (T o : objects) {
            List<OwnerReference> owners = o.getMetadata().getOwnerReferences();
            String uid = owners == null || owners.isEmpty() ? "(none)" : owners.get(0).getUid();
            out.computeIfAbsent(uid, k -> new ArrayList<>()).add(o);
        }
        return out;
    }

    /** The mock API server has no garbage collector: delete what the sessions own, then the sessions. */
    private static void cleanUp(KubernetesClient client, String ns) {
        java.util.Set<String> burst = new java.util.HashSet<>();
        client.resources(AgenticSession.class).inNamespace(ns).list().getItems().stream()
                .filter(s -> s.getMetadata().getName().startsWith(PREFIX)).forEach(s -> burst.add(s.getMetadata().getUid()));
        client.pods().inNamespace(ns).list().getItems().stream().filter(p -> ownedByOneOf(p, burst))
                .forEach(p -> client.pods().inNamespace(ns).resource(p).delete());
        client.secrets().inNamespace(ns).list().getItems().stream().filter(x -> ownedByOneOf(x, burst))
                .forEach(x -> client.secrets().inNamespace(ns).resource(x).delete());
        client.resources(AgenticSession.class).inNamespace(ns).list().getItems().stream()
                .filter(s -> s.getMetadata().getName().startsWith(PREFIX))
                .forEach(s -> client.resources(AgenticSession.class).inNamespace(ns).resource(s).delete());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
