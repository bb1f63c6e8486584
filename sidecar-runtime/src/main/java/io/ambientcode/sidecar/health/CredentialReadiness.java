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
 * that lost its credential (permanent refusal) stops being ready. While not ready, {@code reason} says why (an
 * unreachable credential API, a credential the provider cannot use, a refusal); while ready, {@code lastFailure} shows
 * a failed refresh that left the held credential in use. Ids, states and reasons only, never values.
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
        String failure = refresher.lastFailure();
        return holder.current().map(c -> {
            builder.up().withData("credential", c.credentialId());
            if (!CredentialRefresher.NO_FAILURE.equals(failure)) {
                builder.withData("lastFailure", failure);
            }
            return builder.build();
        }).orElseGet(() -> builder.down().withData("reason", failure).build());
    }
}
