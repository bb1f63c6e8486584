package io.ambientcode.sidecar.k8s.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ambientcode.sidecar.k8s.support.Kubeconfigs;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The kubeconfig → client configuration rules, tested directly (pure). */
class KubeconfigParserTest {

    static final KubeconfigParser.Limits LIMITS = new KubeconfigParser.Limits(Duration.ofSeconds(3), Duration.ofSeconds(7));

    static String doc(String cluster, String user) {
        return """
                apiVersion: v1
                kind: Config
                current-context: c
                clusters:
                - name: k
                  cluster:
                %s
                contexts:
                - name: c
                  context: {cluster: k, user: u}
                users:
                - name: u
                  user:
                %s
                """.formatted(cluster.indent(4).stripTrailing(), user.indent(4).stripTrailing());
    }

    @Test
    void aTokenKubeconfigBecomesAnExplicitConfigurationWithoutAutoConfiguration() {
        String token = Kubeconfigs.newToken();
        KubeTarget t = KubeconfigParser.parse(Kubeconfigs.withToken("https://api.example.test:6443/", "ns1", token), LIMITS);
        assertThat(t.server()).isEqualTo("https://api.example.test:6443");
        assertThat(t.namespace()).isEqualTo("ns1");
        assertThat(t.context()).isEqualTo("ambient");
        assertThat(t.config().getMasterUrl()).startsWith("https://api.example.test:6443");
        assertThat(t.config().getOauthToken()).isEqualTo(token);
        assertThat(t.config().getAutoOAuthToken()).isNull();
        assertThat(t.config().getAutoConfigure()).isNotEqualTo(Boolean.TRUE);
        assertThat(t.config().getFile()).isNull();
        assertThat(t.config().getRequestRetryBackoffLimit()).isZero();
        assertThat(t.config().getConnectionTimeout()).isEqualTo(3000);
        assertThat(t.config().getRequestTimeout()).isEqualTo(7000);
        assertThat(t.toString()).doesNotContain(token);
        assertThat(System.getProperty(FabricIsolation.TRY_KUBECONFIG)).isEqualTo("false");
        assertThat(System.getProperty(FabricIsolation.TRY_SERVICE_ACCOUNT)).isEqualTo("false");
        assertThat(System.getProperty(FabricIsolation.DISABLE_AUTO_CONFIG)).isEqualTo("true");
    }

    @Test
    void aSingleContextWithoutCurrentContextIsUsedAndTheNamespaceDefaults() {
        String one = """
                clusters: [{name: k, cluster: {server: "http://127.0.0.1:1"}}]
                contexts: [{name: only, context: {cluster: k}}]
                """;
        KubeTarget t = KubeconfigParser.parse(one, LIMITS);
        assertThat(t.context()).isEqualTo("only");
        assertThat(t.namespace()).isEqualTo("default");
        assertThat(t.config().getOauthToken()).isNull();
    }

    @Test
    void clientCertificateDataIsKept() throws Exception {
        Kubeconfigs.ClientCertificate cert = Kubeconfigs.ClientCertificate.generate();
        KubeTarget t = KubeconfigParser.parse(Kubeconfigs.withClientCertificate("https://k.test", "x", cert, "tok-123456"),
                LIMITS);
        assertThat(t.config().getClientCertData()).isEqualTo(cert.certificateData());
        assertThat(t.config().getClientKeyData()).isEqualTo(cert.keyData());
        // the key and certificate load the way the client loads them for TLS
        assertThat(io.fabric8.kubernetes.client.internal.SSLUtils.keyManagers(t.config())).isNotEmpty();
    }

    static Stream<Arguments> refused() {
        String server = "server: https://k.test";
        return Stream.of(
                Arguments.of("", "the credential holds no kubeconfig document"),
                Arguments.of("token: [unclosed secret-value-123", "the credential is not a parseable kubeconfig document (YAML or JSON)"),
                Arguments.of("apiVersion: v1\nkind: Config\n", "the kubeconfig has no contexts"),
                Arguments.of("""
                        contexts: [{name: a, context: {cluster: k}}, {name: b, context: {cluster: k}}]
                        clusters: [{name: k, cluster: {server: "https://k.test"}}]
                        """, "the kubeconfig has 2 contexts and no current-context"),
                Arguments.of("""
                        current-context: missing
                        contexts: [{name: a, context: {cluster: k}}]
                        """, "current-context 'missing' is not defined"),
                Arguments.of("""
                        current-context: a
                        contexts: [{name: a, context: {cluster: nowhere}}]
                        """, "cluster 'nowhere' of context 'a' is not defined"),
                Arguments.of(doc("insecure-skip-tls-verify: true", "token: abcdefgh"), "the cluster of context 'c' has no server"),
                Arguments.of(doc("server: ftp://k.test", "token: abcdefgh"), "the server of context 'c' must be an http(s) URL"),
                Arguments.of(doc("server: https://admin:pw@k.test", "token: abcdefgh"),
                        "the server of context 'c' must not carry user info"),
                Arguments.of(doc(server + "\ncertificate-authority: /etc/ca.crt", "token: abcdefgh"),
                        "cluster 'k' refers to a certificate-authority file; put the CA into certificate-authority-data "
                                + "(the sidecar reads no local files)"),
                Arguments.of(doc(server, "tokenFile: /var/run/ambient/proof/kubeconfig"),
                        "user 'u' refers to a tokenFile file; embed the value (token, client-certificate-data, "
                                + "client-key-data): the sidecar reads no local files"),
                Arguments.of(doc(server, "client-certificate: /tmp/c.crt\nclient-key: /tmp/c.key"),
                        "user 'u' refers to a client-certificate file; embed the value (token, client-certificate-data, "
                                + "client-key-data): the sidecar reads no local files"),
                Arguments.of(doc(server, "exec: {apiVersion: client.authentication.k8s.io/v1, command: aws}"),
                        "user 'u' uses an exec credential plugin; the sidecar runs no programs from a credential (use a "
                                + "token or client certificate)"),
                Arguments.of(doc(server, "token: abcdefgh").replace("user: u}", "user: ghost}"),
                        "user 'ghost' of context 'c' is not defined"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void unusableKubeconfigsAreRefusedNamingTheField(String document, String message) {
        assertThatThrownBy(() -> KubeconfigParser.parse(document, LIMITS))
                .isInstanceOf(InvalidKubeconfigException.class).hasMessage(message)
                .hasNoCause();
    }
}
