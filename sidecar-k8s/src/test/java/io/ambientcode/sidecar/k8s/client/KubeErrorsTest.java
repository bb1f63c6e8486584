package io.ambientcode.sidecar.k8s.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.sidecar.tools.UpstreamException;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class KubeErrorsTest {

    @Test
    void apiErrorsKeepStatusAndTheServersMessageOnly() {
        KubernetesClientException e = new KubernetesClientException("Failure executing: GET at: https://k.test/api/v1/x",
                404, new StatusBuilder().withCode(404).withMessage("pods \"x\" not found").build());
        UpstreamException u = KubeErrors.toUpstream(e);
        assertThat(u.status()).isEqualTo(404);
        assertThat(u.getMessage()).isEqualTo("pods \"x\" not found");

        UpstreamException bare = KubeErrors.toUpstream(new KubernetesClientException("x", 429, null));
        assertThat(bare.status()).isEqualTo(429);
        assertThat(bare.getMessage()).isEqualTo("Too Many Requests");
    }

    @Test
    void transportFailuresAreStatusZeroWithoutAddresses() {
        UpstreamException refused = KubeErrors.toUpstream(new KubernetesClientException("op failed",
                new ConnectException("Connection refused: /10.0.0.1:6443")));
        assertThat(refused.status()).isZero();
        assertThat(refused.getMessage()).isEqualTo("connection refused");
        assertThat(KubeErrors.toUpstream(new KubernetesClientException("x", new UnknownHostException("k.internal")))
                .getMessage()).isEqualTo("unknown host");
    }
}
