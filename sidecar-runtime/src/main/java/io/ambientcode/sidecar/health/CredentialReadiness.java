package io.ambientcode.sidecar.health;

import io.ambientcode.sidecar.credential.CredentialHolder;
import io.ambientcode.sidecar.credential.CredentialRefresher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while a credential is held: the pod's runner starts after the first credential is loaded, and a sidecar
 * that lost its credential (permanent refusal) stops being ready. Ids and states only, never values.
 */
@Readiness
@ApplicationScoped
public class CredentialReadiness implements HealthCheck {

    @Inject
    CredentialHolder holder;

    @Inject
    CredentialRefresher refresher;

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("credential").withData("state", refresher.status().name());
        return holder.current()
                .map(c -> builder.up().withData("credential", c.credentialId()).build())
                .orElseGet(() -> builder.down().withData("reason", refresher.lastFailure()).build());
    }
}
