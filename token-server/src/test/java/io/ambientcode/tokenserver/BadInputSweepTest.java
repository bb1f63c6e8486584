package io.ambientcode.tokenserver;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ambientcode.contracts.session.SessionPhase;
import io.ambientcode.tokenserver.session.KubernetesSessionDirectory;
import io.ambientcode.tokenserver.support.ExchangeClient;
import io.ambientcode.tokenserver.support.MockCluster;
import io.ambientcode.tokenserver.support.RawHttp;
import io.ambientcode.tokenserver.support.SessionFixtures;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 3: thousands of random and mutated Authorization headers never produce anything but a clean refusal
 * (400, 401, 403 or 431) and never a 5xx, and the server is healthy and still exchanges afterwards.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = MockCluster.class)
class BadInputSweepTest {

    private static final Set<Integer> ALLOWED = Set.of(400, 401, 403, 431);
    private static final long SEED = 20261129L;

    @Inject
    KubernetesClient client;

    @Inject
    KubernetesSessionDirectory directory;

    @TestHTTPResource("/")
    URL base;

    @Test
    void randomAndMutatedHeadersAreRefusedCleanly() throws Exception {
        SessionFixtures sessions = new SessionFixtures(client);
        SessionFixtures.Fixture f = sessions.create(SessionPhase.Running, Map.of("github", "cred-github-0001"));
        await().atMost(Duration.ofSeconds(10)).until(() -> directory.find(f.sessionId()).isPresent());
        ExchangeClient sidecar = new ExchangeClient(given().get("/public-key").asString());
        String valid = sidecar.header(sidecar.assertion(f.sessionId(), "github", f.proofs().get("github")));
        byte[] ciphertext = Base64.getDecoder().decode(valid.substring(7));
        // Spend the valid assertion first: anything that still decodes to it afterwards is a replay (401).
        given().header("Authorization", valid).get("/token").then().statusCode(200);

        Random random = new Random(SEED);
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < 500; i++) {               // random bytes of random length
            byte[] b = new byte[random.nextInt(2000)];
            random.nextBytes(b);
            inputs.add(b);
        }
        for (int i = 0; i < 500; i++) {               // truncations of a valid header
            inputs.add(valid.substring(0, random.nextInt(valid.length())).getBytes(StandardCharsets.US_ASCII));
        }
        for (int i = 0; i < 600; i++) {               // bit flips of a valid ciphertext, re-encoded
            byte[] c = ciphertext.clone();
            int flips = 1 + random.nextInt(3);
            for (int k = 0; k < flips; k++) {
                c[random.nextInt(c.length)] ^= (byte) (1 << random.nextInt(8));
            }
            inputs.add(("Bearer " + Base64.getEncoder().encodeToString(c)).getBytes(StandardCharsets.US_ASCII));
        }
        for (int i = 0; i < 300; i++) {               // random printable base64 of plausible and implausible lengths
            byte[] b = new byte[random.nextInt(1200)];
            random.nextBytes(b);
            inputs.add(("Bearer " + Base64.getEncoder().encodeToString(b)).getBytes(StandardCharsets.US_ASCII));
        }
        for (int i = 0; i < 100; i++) {               // character-level mutations of the valid header
            char[] chars = valid.toCharArray();
            int at = 7 + random.nextInt(chars.length - 7);
            char replacement;
            do {
                replacement = (char) (32 + random.nextInt(95));
            } while (replacement == chars[at]);
            chars[at] = replacement;
            inputs.add(new String(chars).getBytes(StandardCharsets.US_ASCII));
        }
        for (int size : new int[] { 7_000, 9_000, 20_000, 100_000, 1_000_000 }) {   // huge headers
            inputs.add(("Bearer " + "A".repeat(size)).getBytes(StandardCharsets.US_ASCII));
        }
        inputs.add(new byte[0]);
        inputs.add("Bearer".getBytes(StandardCharsets.US_ASCII));
        inputs.add(("Bearer " + "=".repeat(684)).getBytes(StandardCharsets.US_ASCII));

        Map<Integer, Integer> histogram = new TreeMap<>();
        for (byte[] input : inputs) {
            int status = RawHttp.getToken(base.getPort(), input);
            histogram.merge(status, 1, Integer::sum);
            assertThat(status).as("status for a %d-byte header", input.length).isIn(ALLOWED);
        }
        System.out.println("bad-input sweep: " + inputs.size() + " headers, statuses " + histogram);
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(2000);

        given().get("/q/health/ready").then().statusCode(200);
        String fresh = sidecar.header(sidecar.assertion(f.sessionId(), "github", f.proofs().get("github")));
        given().header("Authorization", fresh).get("/token").then().statusCode(200);
    }
}
