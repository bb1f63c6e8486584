package io.ambientcode.controlplane.kubernetes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the operator runs and its informers are healthy. */
@Readiness
@ApplicationScoped
public class OperatorReadiness implements HealthCheck {

    private final OperatorLauncher launcher;

    @Inject
    public OperatorReadiness(OperatorLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("agenticsession-operator")
                .status(!launcher.isEnabled() || launcher.isHealthy())
                .build();
    }
}
