package io.ambientcode.sidecar.k8s.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Kubeconfig documents for tests, with secrets generated per run. */
public final class Kubeconfigs {

    private Kubeconfigs() {
    }

    /** A fresh bearer token shaped like a service-account token suffix (no known token shape, so only the literal catches it). */
    public static String newToken() {
        return "k8s-tok-" + UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String withToken(String server, String namespace, String token) {
        return """
                apiVersion: v1
                kind: Config
                current-context: ambient
                clusters:
                - name: target
                  cluster:
                    server: %s
                contexts:
                - name: ambient
                  context:
                    cluster: target
                    user: agent
                    namespace: %s
                users:
                - name: agent
                  user:
                    token: %s
                """.formatted(server, namespace, token);
    }

    /** No user at all: requests go out anonymous. */
    public static String anonymous(String server) {
        return """
                apiVersion: v1
                kind: Config
                current-context: ambient
                clusters:
                - name: target
                  cluster:
                    server: %s
                contexts:
                - name: ambient
                  context:
                    cluster: target
                """.formatted(server);
    }

    /** Client certificate and key data (generated per run) plus a token. */
    public static String withClientCertificate(String server, String namespace, ClientCertificate cert, String token) {
        return """
                apiVersion: v1
                kind: Config
                current-context: ambient
                clusters:
                - name: target
                  cluster:
                    server: %s
                contexts:
                - name: ambient
                  context:
                    cluster: target
                    user: agent
                    namespace: %s
                users:
                - name: agent
                  user:
                    client-certificate-data: %s
                    client-key-data: %s
                    token: %s
                """.formatted(server, namespace, cert.certificateData(), cert.keyData(), token);
    }

    /**
     * A self-signed RSA client certificate and its key, made with the JDK's keytool (no extra library), as kubeconfig
     * {@code *-data} values: base64 of the PEM text.
     */
    public record ClientCertificate(String certificatePem, String keyPem) {

        public String certificateData() {
            return Base64.getEncoder().encodeToString(certificatePem.getBytes(StandardCharsets.UTF_8));
        }

        public String keyData() {
            return Base64.getEncoder().encodeToString(keyPem.getBytes(StandardCharsets.UTF_8));
        }

        /** Every form the leak scan looks for. */
        public List<String> secrets() {
            return List.of(certificateData(), keyData(), certificatePem, keyPem, body(certificatePem), body(keyPem));
        }

        private static String body(String pem) {
            return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        }

        public static ClientCertificate generate() {
            try {
                Path dir = Files.createTempDirectory("client-cert");
                Path store = dir.resolve("client.p12");
                String pass = UUID.randomUUID().toString();
                Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                        "-genkeypair", "-alias", "client", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                        "-dname", "CN=agent,O=system:masters", "-storetype", "PKCS12", "-keystore", store.toString(),
                        "-storepass", pass, "-keypass", pass).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("keytool failed: " + out);
                }
                KeyStore ks = KeyStore.getInstance("PKCS12");
                try (var in = Files.newInputStream(store)) {
                    ks.load(in, pass.toCharArray());
                }
                PrivateKey key = (PrivateKey) ks.getKey("client", pass.toCharArray());
                Certificate cert = ks.getCertificate("client");
                Files.delete(store);
                Files.delete(dir);
                return new ClientCertificate(pem("CERTIFICATE", cert.getEncoded()), pem("PRIVATE KEY", key.getEncoded()));
            } catch (IOException | InterruptedException | java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String pem(String type, byte[] der) {
            return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.UTF_8))
                    .encodeToString(der) + "\n-----END " + type + "-----\n";
        }
    }
}
