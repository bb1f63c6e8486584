package io.ambientcode.controlplane.local;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Local runtime: ready once the stored sessions are loaded and supervised. Always up in the Kubernetes runtime. */
@Readiness
@ApplicationScoped
public class LocalRuntimeReadiness implements HealthCheck {

    private final LocalRuntimeService service;

    @Inject
    public LocalRuntimeReadiness(LocalRuntimeService service) {
        this.service = service;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("local-runtime").status(!service.isLocal() || service.isReady()).build();
    }
}
