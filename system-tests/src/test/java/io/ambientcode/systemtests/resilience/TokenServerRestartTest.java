package io.ambientcode.systemtests.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.systemtests.kubernetes.harness.Exchanger;
import io.ambientcode.systemtests.kubernetes.harness.McpClient;
import io.ambientcode.systemtests.kubernetes.harness.ServiceProcess;
import io.ambientcode.systemtests.kubernetes.harness.Services;
import io.ambientcode.systemtests.support.Http;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9, scenario 2: the token server is killed (SIGKILL, a crash) and started again on the same address. Its keys
 * live in the Secret {@code ambient-cp-token-keypair}, so the new incarnation has the same exchange key (the one every
 * running sidecar was given at start) and the same signing key: the live sidecar re-exchanges on the next
 * {@code refresh_credentials} without a restart. A second replica started against the same cluster publishes the same
 * keys, and a session token it mints is accepted by the credential API, which knows only the first replica's JWKS URL.
 */
@Order(910)
@ExtendWith(ResilienceWorldExtension.class)
class TokenServerRestartTest {

    static final String SCENARIO = "2 token server restarted";

    private final ResilienceWorld world = ResilienceWorld.get();

    @Test
    void sidecarsReExchangeAndReplicasAgreeOnKeys() {
        ResilienceSummary.run(SCENARIO, "SIGKILL the token server, start it again; refresh_credentials in the live sidecar; "
                + "start a second replica on the same cluster, compare keys, exchange at it, fetch with its token", () -> {
            ServiceProcess tokenServer = world.services().tokenServer();
            McpClient mcp = world.mcp();
            long sidecarPid = world.sidecar().process().pid();
            String publicKey = get(tokenServer.url() + "/public-key");
            JsonNode jwks = Http.JSON.readTree(get(tokenServer.url() + "/.well-known/jwks.json"));

            long oldPid = tokenServer.pid();
            ResilienceSummary.did(SCENARIO, "SIGKILL token server pid " + oldPid);
            tokenServer.kill();
            long t0 = System.nanoTime();
            tokenServer.start().awaitReady(Services.startupTimeout());
            long downMs = (System.nanoTime() - t0) / 1_000_000;
            ResilienceSummary.did(SCENARIO, "started it again (pid " + tokenServer.pid() + "), ready after " + downMs + " ms");
            assertThat(tokenServer.pid()).isNotEqualTo(oldPid);
            assertThat(get(tokenServer.url() + "/public-key")).as("exchange public key after restart").isEqualTo(publicKey);
            assertThat(Http.JSON.readTree(get(tokenServer.url() + "/.well-known/jwks.json"))).as("JWKS after restart").isEqualTo(jwks);

            long r0 = System.nanoTime();
            JsonNode refreshed = mcp.call("refresh_credentials", Map.of());
            long refreshMs = (System.nanoTime() - r0) / 1_000_000;
            assertThat(McpClient.isError(refreshed)).as("refresh_credentials after the restart: %s", McpClient.text(refreshed)).isFalse();
            assertThat(world.github().whoAmI(mcp)).isEqualTo(world.alice().subject());
            assertThat(world.sidecar().process().pid()).as("the sidecar was not restarted").isEqualTo(sidecarPid);
            assertThat(world.sidecar().process().isAlive()).isTrue();

            String replicaKey;
            JsonNode replicaJwks;
            int fetchStatus;
            try (ServiceProcess replica = world.services().startTokenServerReplica("token-server-replica")) {
                ResilienceSummary.did(SCENARIO, "started replica token-server-replica (pid " + replica.pid() + ")");
                replicaKey = get(replica.url() + "/public-key");
                replicaJwks = Http.JSON.readTree(get(replica.url() + "/.well-known/jwks.json"));
                assertThat(replicaKey).as("the replica's exchange public key").isEqualTo(publicKey);
                assertThat(replicaJwks).as("the replica's JWKS").isEqualTo(jwks);
                // The sidecar's own proof and the public key it was given: a session token from the replica, accepted by
                // the credential API (which verifies it with the first replica's JWKS).
                String proof = world.sessions().proofs(ResilienceWorld.SESSION).get("github");
                String jwt = new Exchanger(replica.url() + "/token", publicKey).sessionToken(world.sidecar().env().get("SESSION_ID"), "github", proof);
                Http.Response fetched = Exchanger.fetch(world.services().credentialApiUrl(), world.credentialId(), jwt);
                fetchStatus = fetched.status();
                assertThat(fetchStatus).as("fetch with the replica's session token: %s", fetched.body()).isEqualTo(200);
                assertThat(fetched.contentType()).startsWith("application/jose");
            }
            return "restart ready in " + downMs + " ms; same /public-key and JWKS (" + jwks.path("keys").size()
                    + " keys); refresh_credentials re-exchanged in " + refreshMs + " ms, get_me ok, sidecar pid " + sidecarPid
                    + " unchanged; replica: same /public-key and JWKS, its session token fetched the credential (" + fetchStatus + ")";
        });
    }

    private static String get(String url) {
        Http.Response r = Http.get(url, Map.of());
        assertThat(r.status()).as("GET %s: %s", url, r.body()).isEqualTo(200);
        return r.body();
    }
}
