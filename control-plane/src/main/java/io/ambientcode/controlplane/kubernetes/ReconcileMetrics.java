package io.ambientcode.controlplane.kubernetes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Counters of the operator's work. Labels are fixed reasons, never session names, ids or values. */
@ApplicationScoped
public class ReconcileMetrics {

    private final MeterRegistry registry;
    private final Counter reconciles;
    private final Counter podsCreated;

    @Inject
    public ReconcileMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.reconciles = Counter.builder("ambient.sessions.reconciles").description("AgenticSession reconciles")
                .register(registry);
        this.podsCreated = Counter.builder("ambient.sessions.pods.created").description("Session pods created")
                .register(registry);
    }

    void reconciled() {
        reconciles.increment();
    }

    void podCreated() {
        podsCreated.increment();
    }

    /** One count per resolve outcome; {@code reason} is a condition reason constant. */
    void credentialResolution(String reason) {
        registry.counter("ambient.sessions.credential.resolutions", "reason", reason).increment();
    }

    public double reconciles() {
        return reconciles.count();
    }

    public double podsCreated() {
        return podsCreated.count();
    }
}
