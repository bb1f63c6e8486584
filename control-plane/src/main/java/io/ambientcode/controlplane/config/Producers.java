package io.ambientcode.controlplane.config;

import io.ambientcode.controlplane.plan.ProofSource;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Beans for the few things tests may want to replace. */
@ApplicationScoped
public class Producers {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Proofs are 32 random bytes from a SecureRandom (ProofSecret.newProof). */
    @Produces
    @DefaultBean
    @ApplicationScoped
    ProofSource proofSource() {
        return ProofSource.SECURE_RANDOM;
    }
}
