package io.ambientcode.controlplane.plan;

import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.controlplane.kubernetes.ProofSecretRenderer;
import io.ambientcode.controlplane.kubernetes.SessionPodRenderer;
import io.ambientcode.controlplane.kubernetes.SessionRequests;
import io.ambientcode.controlplane.support.Golden;
import io.ambientcode.controlplane.support.GoldenSession;
import io.ambientcode.controlplane.support.TestKeys;
import io.ambientcode.controlplane.support.TestSettings;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 1, without the operator: plan + renderers alone produce the golden pod and Secret. With a deterministic
 * proof source, so the proof masking in {@link Golden} is exercised on known values too.
 */
class GoldenRenderTest {

    @Test
    void planAndRenderersProduceTheGoldenFile() {
        AgenticSession session = GoldenSession.session();
        session.getMetadata().setUid("0f8c2a9e-1d2b-4c3d-9e8f-7a6b5c4d3e2f");
        String tokenServerKey = Pem.toSpkiPem(TestKeys.rsa(3072).getPublic());

        SidecarPlan plan = SidecarPlanner.plan(SessionRequests.from(session),
                ResolvedCredentials.of(GoldenSession.CREDENTIALS), TestSettings.plan(tokenServerKey));
        AtomicInteger counter = new AtomicInteger();
        ProofSource deterministic = () -> String.format("proof%038d", counter.incrementAndGet());
        Pod pod = SessionPodRenderer.render(session, plan, TestSettings.pod());
        Secret secret = ProofSecretRenderer.render(session, Proofs.forKeys(plan.proofKeys(), Map.of(), deterministic));

        Golden.assertMatches(Golden.normalize(pod, secret, session.getMetadata().getUid(), tokenServerKey));
    }
}
