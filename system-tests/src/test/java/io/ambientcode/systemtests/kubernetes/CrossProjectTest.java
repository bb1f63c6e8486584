package io.ambientcode.systemtests.kubernetes;

import static io.ambientcode.systemtests.kubernetes.AttacksTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.exchange.ExchangeError;
import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.systemtests.kubernetes.harness.Captures;
import io.ambientcode.systemtests.kubernetes.harness.Captures.SessionJwt;
import io.ambientcode.systemtests.kubernetes.harness.Exchanger;
import io.ambientcode.systemtests.kubernetes.harness.JavaProcess;
import io.ambientcode.systemtests.kubernetes.harness.KubernetesPath;
import io.ambientcode.systemtests.kubernetes.harness.KubernetesPathExtension;
import io.ambientcode.systemtests.kubernetes.harness.Runner;
import io.ambientcode.systemtests.kubernetes.harness.Services;
import io.ambientcode.systemtests.support.Http;
import io.ambientcode.systemtests.support.Summary;
import io.ambientcode.systemtests.support.Summary.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A second session, in project beta (bob's), next to session alpha (alice's, project alpha): it gets its own credential
 * only, and cannot reach alpha's credentials even holding alpha's proofs, its own session token, or by naming alpha's
 * credential in its spec.
 */
@Order(130)
@ExtendWith(KubernetesPathExtension.class)
class CrossProjectTest {

    private final KubernetesPath path = KubernetesPath.get();

    @Test
    void secondSessionGetsItsOwnCredentialOnly() {
        Provider p = path.firstProvider();
        Summary.record(Kind.FLOW, "second session (project beta)", "its sidecar holds bob's credential, not alice's", () -> {
            path.beta();
            AgenticSession beta = path.betaSession();
            assertThat(beta.getStatus().getCredentials()).containsExactly(Map.entry(p.id(), path.bobCredential().orElseThrow()));
            String who = path.scenario(p).whoAmI(new Runner(path.beta()).mcp(p));
            assertThat(who).isEqualTo(path.bob().subject());
            return p.id() + " sidecar answers as " + who;
        });
    }

    @Test
    void secondSessionCannotUseTheFirstSessionsProofs() {
        Summary.record(Kind.ATTACK, "beta session + alpha's proofs", "403 invalid_proof", () -> {
            path.beta();
            String betaId = path.betaSession().getMetadata().getUid();
            Map<String, String> alphaProofs = path.sessions().proofs("alpha-session");
            Exchanger x = path.exchanger();
            List<String> refused = new ArrayList<>();
            for (Map.Entry<String, String> proof : alphaProofs.entrySet()) {
                Http.Response r = x.send(x.assertion(betaId, proof.getKey(), proof.getValue(), Exchanger.ephemeralKey()));
                assertRefused(r, ExchangeError.INVALID_PROOF, "beta with alpha's " + proof.getKey() + " proof");
                refused.add(proof.getKey());
            }
            return "refused for " + refused;
        });
    }

    @Test
    void secondSessionsTokenCannotReadTheFirstSessionsCredentials() {
        Provider p = path.firstProvider();
        Summary.record(Kind.ATTACK, "beta session token -> alpha's credentials", "404 not_found", () -> {
            path.beta();
            String betaId = path.betaSession().getMetadata().getUid();
            SessionJwt betaJwt = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            while (betaJwt == null && System.nanoTime() < deadline) {
                Optional<SessionJwt> j = Captures.sessionJwt(path.services().apiTap(), betaId, p.id(), Duration.ofSeconds(8));
                betaJwt = j.orElse(null);
                if (betaJwt == null) {
                    JavaProcess.sleep(500);
                }
            }
            assertThat(betaJwt).as("a beta session JWT on the wire").isNotNull();
            assertThat(betaJwt.claims().path("project").asText()).isEqualTo(KubernetesPath.BETA);
            for (String alphaCredential : path.aliceCredentials().values()) {
                Http.Response r = Exchanger.fetch(path.services().credentialApiUrl(), alphaCredential, betaJwt.jwt());
                assertThat(r.status()).as("beta token for alpha credential %s", alphaCredential).isEqualTo(404);
                assertThat(r.code()).isEqualTo("not_found");
            }
            assertThat(Exchanger.fetch(path.services().credentialApiUrl(), path.bobCredential().orElseThrow(), betaJwt.jwt()).status())
                    .as("its own credential").isEqualTo(200);
            return path.aliceCredentials().size() + " reads refused 404 not_found";
        });
    }

    @Test
    void sessionNamingAnotherProjectsCredentialGetsNoPod() {
        Provider p = path.firstProvider();
        Summary.record(Kind.ATTACK, "beta session naming alpha's credential", "no pod, CredentialsResolved=False CredentialNotBound", () -> {
            String alphaCredential = path.aliceCredentials().get(p);
            path.sessions().create("beta-steal", KubernetesPath.BETA, List.of(alphaCredential));
            AgenticSession s = path.sessions().await("beta-steal", x -> x.getStatus() != null && x.getStatus().getConditions() != null
                    && x.getStatus().getConditions().stream().anyMatch(c -> c.getType().equals("CredentialsResolved")
                            && c.getStatus().equals("False")), Duration.ofSeconds(30), "CredentialsResolved=False");
            var condition = s.getStatus().getConditions().stream().filter(c -> c.getType().equals("CredentialsResolved")).findFirst().orElseThrow();
            assertThat(condition.getReason()).isEqualTo("CredentialNotBound");
            assertThat(s.getStatus().getCredentials()).isNullOrEmpty();
            JavaProcess.sleep(1000);
            assertThat(path.services().cluster().client().pods().inNamespace(Services.SESSIONS_NAMESPACE).withName("beta-steal").get())
                    .as("no pod").isNull();
            assertThat(path.services().cluster().client().secrets().inNamespace(Services.SESSIONS_NAMESPACE)
                    .withName("beta-steal-sidecar-proofs").get()).as("no proofs").isNull();
            return "no pod; " + condition.getReason();
        });
    }
}
