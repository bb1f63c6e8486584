package io.ambientcode.sidecar.k8s.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.redact.SecretRedactor;
import io.ambientcode.sidecar.k8s.support.Kubeconfigs;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubeconfigSecretsTest {

    @Test
    void everySecretFieldOfEveryUserIsAFragmentAndTheRedactorHidesThem() {
        Kubeconfigs.ClientCertificate cert = Kubeconfigs.ClientCertificate.generate();
        String token = Kubeconfigs.newToken();
        String doc = Kubeconfigs.withClientCertificate("https://k.test", "ns", cert, token) + """
                - name: oidc
                  user:
                    username: alice
                    password: hunter2-hunter2
                    auth-provider:
                      name: oidc
                      config:
                        client-id: kubernetes
                        client-secret: oidc-client-secret-1
                        id-token: oidc-id-token-value-1
                        refresh-token: oidc-refresh-token-1
                        idp-issuer-url: https://issuer.test
                - name: plugin
                  user:
                    exec:
                      command: aws
                      env:
                      - {name: AWS_SECRET_ACCESS_KEY, value: exec-env-secret-1}
                """;
        List<String> fragments = KubeconfigSecrets.fragments(doc);
        assertThat(fragments).contains(token, cert.certificateData(), cert.keyData(), cert.certificatePem(), cert.keyPem(),
                "hunter2-hunter2", "oidc-client-secret-1", "oidc-id-token-value-1", "oidc-refresh-token-1",
                "exec-env-secret-1");
        assertThat(fragments).doesNotContain("kubernetes", "alice", "https://issuer.test", "aws");

        SecretRedactor redactor = SecretRedactor.of(fragments);
        for (String s : cert.secrets()) {
            assertThat(redactor.redact("echo: " + s)).doesNotContain(s);
        }
        String oneLineOfTheKey = cert.keyPem().split("\n")[3];
        assertThat(redactor.redact("partial " + oneLineOfTheKey)).doesNotContain(oneLineOfTheKey);
        assertThat(redactor.redact("the kubernetes cluster of alice")).isEqualTo("the kubernetes cluster of alice");
    }

    @Test
    void anUnparseableDocumentYieldsNothingRatherThanFailing() {
        assertThat(KubeconfigSecrets.fragments("{{{ not yaml")).isEmpty();
        assertThat(KubeconfigSecrets.fragments(null)).isEmpty();
        assertThat(KubeconfigSecrets.fragments("just a string")).isEmpty();
    }
}
