package io.ambientcode.tokenserver;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.tokenserver.keys.KeyBundle;
import io.ambientcode.tokenserver.keys.KeyRing;
import io.ambientcode.tokenserver.keys.KubernetesSecretKeyStore;
import io.ambientcode.tokenserver.support.MockCluster;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jose4j.jwk.JsonWebKeySet;
import org.junit.jupiter.api.Test;

/** Acceptance 4 and key handling: one key pair per cluster, however many replicas start at once; rotation keeps JWKS whole. */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = MockCluster.class)
class KeyBootstrapTest {

    @Inject
    KubernetesClient client;

    @Test
    void theRunningServerBootstrappedTheSecretAndServesItsKeys() {
        Secret secret = client.secrets().withName("ambient-cp-token-keypair").get();
        assertThat(secret).isNotNull();
        assertThat(secret.getData()).containsKeys("private.pem", "public.pem", "signing.pem");
        String privatePem = decode(secret, "private.pem");
        assertThat(privatePem).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        RSAPublicKey served = Pem.parseRsaPublicKey(given().get("/public-key").then().statusCode(200).extract().asString());
        assertThat(served.getModulus().bitLength()).isEqualTo(4096);
        assertThat(served.getModulus()).isEqualTo(Pem.parseRsaPrivateKey(privatePem).getModulus());
    }

    @Test
    void twoTokenServersStartingTogetherShareOneKeyPair() throws Exception {
        String name = "race-keypair";
        int replicas = 3;
        CyclicBarrier start = new CyclicBarrier(replicas);
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        List<Future<KeyBundle>> results = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            KubernetesSecretKeyStore store = new KubernetesSecretKeyStore(client, client.getNamespace(), name, Clock.systemUTC());
            results.add(pool.submit((Callable<KeyBundle>) () -> {
                start.await();
                return store.loadOrCreate();
            }));
        }
        Set<String> exchangeKeys = results.stream().map(KeyBootstrapTest::get)
                .map(b -> b.entries().get(KeyBundle.EXCHANGE_PRIVATE)).collect(Collectors.toSet());
        Set<String> signingKeys = results.stream().map(KeyBootstrapTest::get)
                .map(b -> b.entries().get(KeyBundle.SIGNING_PRIVATE)).collect(Collectors.toSet());
        pool.shutdown();

        assertThat(exchangeKeys).hasSize(1);
        assertThat(signingKeys).hasSize(1);
        assertThat(decode(client.secrets().withName(name).get(), "private.pem")).isEqualTo(exchangeKeys.iterator().next());
    }

    @Test
    void signingKeyRotationKeepsThePreviousKeyInJwksAndReplicasConverge() throws Exception {
        String name = "rotation-keypair";
        KubernetesSecretKeyStore storeA = new KubernetesSecretKeyStore(client, client.getNamespace(), name, Clock.systemUTC());
        KubernetesSecretKeyStore storeB = new KubernetesSecretKeyStore(client, client.getNamespace(), name, Clock.systemUTC());
        KeyRing a = new KeyRing(storeA, Clock.systemUTC(), Duration.ofDays(30));
        KeyRing b = new KeyRing(storeB, Clock.systemUTC(), Duration.ofDays(30));
        a.start();
        b.start();
        String firstKid = a.current().signingKey().kid();
        assertThat(b.current().signingKey().kid()).isEqualTo(firstKid);

        // Replica A's clock is past the rotation period: it rotates; replica B picks it up on its next refresh.
        KeyRing aLater = new KeyRing(storeA, Clock.offset(Clock.systemUTC(), Duration.ofDays(31)), Duration.ofDays(30));
        aLater.start();
        String secondKid = aLater.current().signingKey().kid();
        assertThat(secondKid).isNotEqualTo(firstKid);
        assertThat(aLater.current().previousSigningKey()).hasValueSatisfying(k -> assertThat(k.kid()).isEqualTo(firstKid));
        b.refresh();
        assertThat(b.current().signingKey().kid()).isEqualTo(secondKid);
        assertThat(b.current().publishedSigningKeys()).extracting(k -> k.kid()).containsExactly(secondKid, firstKid);
        // The exchange key is untouched by a signing-key rotation.
        assertThat(b.current().exchangeKey()).isEqualTo(a.current().exchangeKey());
    }

    @Test
    void jwksPublishesKidAndNoPrivateParts() throws Exception {
        String jwks = given().get("/.well-known/jwks.json").then().statusCode(200).extract().asString();
        JsonWebKeySet set = new JsonWebKeySet(jwks);
        assertThat(set.getJsonWebKeys()).isNotEmpty().allSatisfy(k -> {
            assertThat(k.getKeyId()).isNotBlank();
            assertThat(k.getAlgorithm()).isEqualTo("RS256");
        });
        assertThat(jwks).doesNotContain("\"d\"").doesNotContain("\"p\"").doesNotContain("\"q\"");
    }

    private static KeyBundle get(Future<KeyBundle> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decode(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
}
