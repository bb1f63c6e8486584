package io.ambientcode.systemtests.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ambientcode.contracts.crypto.EcPublicJwk;
import io.ambientcode.contracts.crypto.Jwe;
import io.ambientcode.contracts.exchange.ExchangeAssertion;
import io.ambientcode.contracts.exchange.ExchangeError;
import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.session.RunnerEnv;
import io.ambientcode.systemtests.kubernetes.harness.Captures;
import io.ambientcode.systemtests.kubernetes.harness.Captures.SessionJwt;
import io.ambientcode.systemtests.kubernetes.harness.Exchanger;
import io.ambientcode.systemtests.kubernetes.harness.JavaProcess;
import io.ambientcode.systemtests.kubernetes.harness.KubernetesPath;
import io.ambientcode.systemtests.kubernetes.harness.KubernetesPathExtension;
import io.ambientcode.systemtests.kubernetes.harness.NetworkTap;
import io.ambientcode.systemtests.support.Http;
import io.ambientcode.systemtests.support.Summary;
import io.ambientcode.systemtests.support.Summary.Kind;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The attacks of issue 8 against the running system, each with the exact status (and error code) it must get. The
 * attacker holds what the runner holds (its env) or what crossed the plain-HTTP pod network (the taps' recordings).
 */
@Order(120)
@ExtendWith(KubernetesPathExtension.class)
class AttacksTest {

    private final KubernetesPath path = KubernetesPath.get();

    /** The runner's whole env, replayed at the token server every way it could be: raw, as a proof, as the v1 form. */
    @Test
    void runnersEnvironmentReplayedAgainstTheTokenServer() {
        Summary.record(Kind.ATTACK, "runner env -> token server", "401 invalid_assertion / 403 invalid_proof / 401 legacy_exchange_disabled", () -> {
            Map<String, String> env = path.alpha().runnerEnv();
            String sessionId = env.get(RunnerEnv.SESSION_ID);
            assertThat(sessionId).isEqualTo(path.alphaSession().getMetadata().getUid());
            Exchanger exchanger = path.exchanger();
            int attempts = 0;
            for (Map.Entry<String, String> e : env.entrySet()) {
                Http.Response raw = exchanger.send("Bearer " + e.getValue());
                assertRefused(raw, ExchangeError.INVALID_ASSERTION, "raw " + e.getKey());
                attempts++;
                if (ExchangeAssertion.PROOF.matcher(e.getValue()).matches()) {
                    for (Provider p : path.providers()) {
                        Http.Response asProof = exchanger.send(exchanger.assertion(sessionId, p.id(), e.getValue(),
                                Exchanger.ephemeralKey()));
                        assertRefused(asProof, ExchangeError.INVALID_PROOF, e.getKey() + " as the " + p.id() + " proof");
                        attempts++;
                    }
                }
            }
            assertRefused(exchanger.send(exchanger.legacyAssertion(sessionId)), ExchangeError.LEGACY_EXCHANGE_DISABLED, "v1 form");
            attempts++;
            return attempts + " attempts refused";
        });
    }

    /**
     * A session JWT captured on the wire works at the credential API, but the answer is a JWE to the sidecar's
     * ephemeral key: the attacker's own key cannot open it, and a JWT re-bound to the attacker's key is refused.
     */
    @Test
    void capturedSessionJwtUsedFromOutside() {
        Summary.record(Kind.ATTACK, "captured session JWT from outside", "200 application/jose, undecryptable; tampered cnf 401", () -> {
            Provider p = path.firstProvider();
            SessionJwt captured = capturedJwt(path.alphaSession().getMetadata().getUid(), p);
            String credentialId = path.aliceCredentials().get(p);

            Http.Response reply = Exchanger.fetch(path.services().credentialApiUrl(), credentialId, captured.jwt());
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.contentType()).startsWith(Jwe.MEDIA_TYPE);
            assertThat(reply.body().split("\\.")).as("compact JWE").hasSize(5);
            KeyPair attacker = Exchanger.ephemeralKey();
            assertThatThrownBy(() -> Jwe.decrypt(reply.body(), (ECPrivateKey) attacker.getPrivate()))
                    .isInstanceOf(JoseException.class);

            // Re-binding the token to the attacker's key breaks the signature.
            String[] parts = captured.jwt().split("\\.");
            ObjectNode claims = (ObjectNode) captured.claims().deepCopy();
            claims.putObject("cnf").set("jwk", Http.JSON.valueToTree(EcPublicJwk.of((ECPublicKey) attacker.getPublic()).toMap()));
            String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
            Http.Response refused = Exchanger.fetch(path.services().credentialApiUrl(), credentialId, forged);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.code()).isEqualTo("invalid_token");
            return "200 JWE not openable (JoseException); forged cnf 401 invalid_token";
        });
    }

    /** An exchange assertion captured on the wire, sent again: refused as a replay (and its reply was never readable). */
    @Test
    void capturedAssertionReplayed() {
        Summary.record(Kind.ATTACK, "captured assertion replayed", "401 replayed_assertion", () -> {
            NetworkTap.Exchange captured = recentAssertion();
            Http.Response replay = path.exchanger().send(captured.authorization());
            assertRefused(replay, ExchangeError.REPLAYED_ASSERTION, "replayed assertion");
            KeyPair attacker = Exchanger.ephemeralKey();
            assertThatThrownBy(() -> Jwe.decrypt(captured.body(), (ECPrivateKey) attacker.getPrivate()))
                    .as("the captured exchange reply").isInstanceOf(JoseException.class);
            return "401 replayed_assertion; captured reply not openable";
        });
    }

    /** A session token for provider A, presented for the same session's credential of provider B. */
    @Test
    void tokenForOneProviderUsedForAnotherProvidersCredential() {
        List<Provider> providers = path.providers();
        if (providers.size() < 2) {
            Summary.skipped(Kind.ATTACK, "provider A token for provider B credential", "needs two sidecars; one is built");
            return;
        }
        Summary.record(Kind.ATTACK, "provider A token for provider B credential", "404 not_found", () -> {
            List<String> observed = new ArrayList<>();
            for (Provider a : providers) {
                SessionJwt jwt = capturedJwt(path.alphaSession().getMetadata().getUid(), a);
                for (Provider b : providers) {
                    if (a == b) {
                        continue;
                    }
                    Http.Response r = Exchanger.fetch(path.services().credentialApiUrl(), path.aliceCredentials().get(b), jwt.jwt());
                    assertThat(r.status()).as("%s token for the %s credential", a.id(), b.id()).isEqualTo(404);
                    assertThat(r.code()).isEqualTo("not_found");
                    observed.add(a.id() + "->" + b.id());
                }
                // The same token still reads its own credential: the refusal is about the provider, not the token.
                Http.Response own = Exchanger.fetch(path.services().credentialApiUrl(), path.aliceCredentials().get(a), jwt.jwt());
                assertThat(own.status()).isEqualTo(200);
            }
            return observed.size() + " cross-provider reads refused 404 not_found";
        });
    }

    /** A proof of one provider presented for another provider of the same session. */
    @Test
    void proofOfOneProviderForAnother() {
        List<Provider> providers = path.providers();
        if (providers.size() < 2) {
            Summary.skipped(Kind.ATTACK, "provider A proof for provider B", "needs two sidecars; one is built");
            return;
        }
        Summary.record(Kind.ATTACK, "provider A proof for provider B", "403 invalid_proof", () -> {
            String sid = path.alphaSession().getMetadata().getUid();
            Map<String, String> proofs = path.sessions().proofs("alpha-session");
            Provider a = providers.get(0);
            Provider b = providers.get(1);
            Exchanger x = path.exchanger();
            assertRefused(x.send(x.assertion(sid, b.id(), proofs.get(a.id()), Exchanger.ephemeralKey())), ExchangeError.INVALID_PROOF,
                    a.id() + " proof for " + b.id());
            return "403 invalid_proof";
        });
    }

    static void assertRefused(Http.Response r, ExchangeError expected, String what) {
        assertThat(r.status()).as("%s: status (%s)", what, r.body()).isEqualTo(expected.status());
        assertThat(r.contentType()).as("%s: content type", what).startsWith("application/problem+json");
        assertThat(r.code()).as("%s: code", what).isEqualTo(expected.code());
    }

    private SessionJwt capturedJwt(String sessionId, Provider p) {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<SessionJwt> jwt = Captures.sessionJwt(path.services().apiTap(), sessionId, p.id(), Duration.ofSeconds(8));
            if (jwt.isPresent()) {
                return jwt.get();
            }
            JavaProcess.sleep(500);
        }
        throw new AssertionError("no valid " + p.id() + " session JWT of " + sessionId + " crossed the tap");
    }

    /** An assertion young enough to be inside the clock-skew window, so that only the replay check can refuse it. */
    private NetworkTap.Exchange recentAssertion() {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<NetworkTap.Exchange> e = Captures.assertion(path.services().tokenTap(), Duration.ofSeconds(40), x -> true);
            if (e.isPresent()) {
                return e.get();
            }
            JavaProcess.sleep(500);
        }
        throw new AssertionError("no exchange crossed the token-server tap in the last 40 s");
    }
}
