package io.ambientcode.controlplane.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.ambientcode.controlplane.kubernetes.SessionLabels;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every secret value a test run produced, for leak scans: proofs, the control plane's JWTs, its signing key. */
public final class Leaks {

    private Leaks() {
    }

    public static Set<String> secretsSeen(KubernetesClient cluster, WireMockServer credentialApi, String signingKeyPem) {
        Set<String> secrets = new LinkedHashSet<>(proofs(cluster));
        for (LoggedRequest request : credentialApi.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()))) {
            String authorization = request.getHeader("Authorization");
            if (authorization != null && authorization.startsWith("Bearer ")) {
                String jwt = authorization.substring("Bearer ".length());
                secrets.add(jwt);
                secrets.add(jwt.substring(jwt.lastIndexOf('.') + 1)); // the signature alone
            }
        }
        for (String line : signingKeyPem.split("\n")) {
            if (!line.startsWith("-----") && line.length() >= 16) {
                secrets.add(line);
            }
        }
        return secrets;
    }

    /** Every proof of every session Secret still present, raw and base64 as stored. */
    public static List<String> proofs(KubernetesClient cluster) {
        List<String> proofs = new ArrayList<>();
        for (Secret secret : cluster.secrets().inAnyNamespace().withLabel(SessionLabels.MANAGED_BY, SessionLabels.MANAGER)
                .list().getItems()) {
            if (secret.getData() != null) {
                for (String encoded : secret.getData().values()) {
                    proofs.add(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
                    proofs.add(encoded); // as the Secret carries it
                }
            }
        }
        return proofs;
    }
}
