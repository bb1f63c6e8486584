package io.ambientcode.tokenserver.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.ambientcode.contracts.session.LocalSessionRegistry;
import io.ambientcode.contracts.session.SessionPhase;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token server's side of the local session registry, against an in-test registry speaking the contract. */
class LocalSessionDirectoryTest {

    private static final String KEY = "registry-key-for-this-test-run";
    private HttpServer registry;
    private final AtomicReference<String> lastAuthorization = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registry.createContext(LocalSessionRegistry.PATH_PREFIX, exchange -> {
            lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            String sid = exchange.getRequestURI().getPath().substring(LocalSessionRegistry.PATH_PREFIX.length());
            int status;
            String body = "";
            if (!("Bearer " + KEY).equals(lastAuthorization.get())) {
                status = 401;
            } else if (sid.equals("local-session-1")) {
                status = 200;
                body = "{\"session_id\":\"local-session-1\",\"project\":\"demo\",\"phase\":\"Running\","
                        + "\"credentials\":{\"github\":\"cred-0000001\"},\"proofs\":{\"github\":\"proof-value-aaaaaaaaaa\"}}";
            } else {
                status = 404;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        registry.start();
    }

    @AfterEach
    void stop() {
        registry.stop(0);
    }

    private LocalSessionDirectory directory(String key) {
        return new LocalSessionDirectory(URI.create("http://127.0.0.1:" + registry.getAddress().getPort()), () -> key,
                Duration.ofSeconds(2));
    }

    @Test
    void readsALiveSessionWithItsProofs() {
        SessionRecord record = directory(KEY).find("local-session-1").orElseThrow();
        assertThat(record.phase()).isEqualTo(SessionPhase.Running);
        assertThat(record.project()).isEqualTo("demo");
        assertThat(record.credentialIdFor("github")).contains("cred-0000001");
        assertThat(record.proofFor("github")).contains("proof-value-aaaaaaaaaa");
        assertThat(lastAuthorization.get()).isEqualTo("Bearer " + KEY);
        assertThat(record.toString()).doesNotContain("proof-value");
    }

    @Test
    void unknownSessionsAreAbsent() {
        assertThat(directory(KEY).find("no-such-session")).isEmpty();
    }

    @Test
    void aWrongKeyOrADeadRegistryIsUnavailableNotAbsent() {
        assertThatThrownBy(() -> directory("wrong-key").find("local-session-1"))
                .isInstanceOf(SessionDirectoryUnavailableException.class).hasMessageContaining("401");
        registry.stop(0);
        assertThatThrownBy(() -> directory(KEY).find("local-session-1"))
                .isInstanceOf(SessionDirectoryUnavailableException.class);
    }
}
