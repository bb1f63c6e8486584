package io.ambientcode.tokenserver.support;

import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.ProofSecret;
import io.ambientcode.contracts.session.RunnerSpec;
import io.ambientcode.contracts.session.SessionPhase;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Creates sessions in the mock API server the way the control plane does: resource, status, proofs Secret. */
public final class SessionFixtures {

    public static final String NAMESPACE = "team-a";

    private final KubernetesClient client;

    public SessionFixtures(KubernetesClient client) {
        this.client = client;
    }

    /** A created session; {@code proofs} are the values written into its Secret. */
    public record Fixture(String name, String sessionId, String project, Map<String, String> credentialIds,
            Map<String, String> proofs) {
    }

    public Fixture create(SessionPhase phase, Map<String, String> credentialIds) {
        String name = "s-" + UUID.randomUUID().toString().substring(0, 8);
        String project = "proj-" + name.substring(2, 6);
        AgenticSession session = new AgenticSession();
        session.getMetadata().setName(name);
        session.getMetadata().setNamespace(NAMESPACE);
        session.getSpec().setProject(project);
        RunnerSpec runner = new RunnerSpec();
        runner.setImage("example.invalid/runner:1");
        session.getSpec().setRunner(runner);
        AgenticSession created = client.resources(AgenticSession.class).inNamespace(NAMESPACE).resource(session).create();
        if (created.getMetadata().getUid() == null) {
            throw new IllegalStateException("mock API server assigned no uid");
        }
        created.getStatus().setPhase(phase);
        created.getStatus().setCredentials(credentialIds);
        client.resources(AgenticSession.class).inNamespace(NAMESPACE).resource(created).updateStatus();

        Map<String, String> proofs = new LinkedHashMap<>();
        credentialIds.keySet().forEach(provider -> proofs.put(provider, ProofSecret.newProof()));
        client.secrets().inNamespace(NAMESPACE).resource(new SecretBuilder()
                .withNewMetadata().withName(ProofSecret.nameFor(name)).withNamespace(NAMESPACE).endMetadata()
                .withStringData(proofs).build()).create();
        return new Fixture(name, created.getMetadata().getUid(), project, credentialIds, proofs);
    }

    public void setPhase(Fixture f, SessionPhase phase) {
        AgenticSession s = client.resources(AgenticSession.class).inNamespace(NAMESPACE).withName(f.name()).get();
        s.getStatus().setPhase(phase);
        client.resources(AgenticSession.class).inNamespace(NAMESPACE).resource(s).updateStatus();
    }
}
