package io.ambientcode.contracts.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlPolicyTest {

    private final UrlPolicy policy = UrlPolicy.clusterLocal();

    @ParameterizedTest
    @ValueSource(strings = {
        "http://localhost:8080/token",
        "https://localhost",
        "http://127.0.0.1:9000",
        "http://127.1.2.3",
        "http://[::1]:8080/token",
        "http://token-server.ambient-code.svc:8080/token",
        "http://token-server.ambient-code.svc.cluster.local:8080/token",
        "https://credential-api.ns.svc",
        "HTTP://Credential-API.NS.SVC/api",
    })
    void acceptsLoopbackAndClusterLocal(String url) {
        assertThat(policy.check("AMBIENT_API_URL", url)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://x.svc.evil.com",
        "http://svc.cluster.local.evil.com",
        "http://x.svc.cluster.local.evil.com/token",
        "http://svc",
        "http://.svc",
        "http://svc.cluster.local",
        "http://evil.com",
        "http://10.0.0.1:8080",
        "http://169.254.169.254/latest/meta-data",
        "http://[fe80::1]",
        "http://[2001:db8::1]",
        "http://0.0.0.0",
        "http://user:pass@localhost:8080",
        "http://token@x.ns.svc",
        "ftp://localhost/x",
        "file:///etc/passwd",
        "gopher://localhost",
        "javascript:alert(1)",
        "://missing-scheme",
        "localhost:8080",
        "",
        "http://localhost:8080/token?redirect=http://evil.com",
        "http://x.ns.svc#frag",
    })
    void rejectsEverythingElse(String url) {
        assertThatThrownBy(() -> policy.check("AMBIENT_CP_TOKEN_URL", url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AMBIENT_CP_TOKEN_URL");
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://api.example.com", "https://10.0.0.1", "http://localhost:8080",
        "http://credential-api.ns.svc:8080", "http://token-server.ns.svc.cluster.local/token" })
    void externalModeAllowsHttpsHostsAndKeepsClusterLocalHttp(String url) {
        assertThat(UrlPolicy.allowingExternal().check("AMBIENT_API_URL", url)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://api.example.com", "https://u:p@api.example.com", "ftp://api.example.com",
        "http://x.svc.evil.com" })
    void externalModeStillRefusesPlainHttpAndUserinfo(String url) {
        assertThatThrownBy(() -> UrlPolicy.allowingExternal().check("AMBIENT_API_URL", url))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://user:hunter2@localhost" })
    void userinfoIsNeverEchoed(String url) {
        assertThatThrownBy(() -> policy.check("AMBIENT_API_URL", url)).hasMessageNotContaining("hunter2");
    }
}
