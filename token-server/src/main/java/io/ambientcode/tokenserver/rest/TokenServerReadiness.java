package io.ambientcode.tokenserver.rest;

import io.ambientcode.tokenserver.keys.KeyRing;
import io.ambientcode.tokenserver.session.SessionDirectory;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once keys are loaded and the session directory can answer. */
@Readiness
@Singleton
public class TokenServerReadiness implements HealthCheck {

    private final KeyRing keys;
    private final SessionDirectory sessions;

    TokenServerReadiness(KeyRing keys, SessionDirectory sessions) {
        this.keys = keys;
        this.sessions = sessions;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("token-server")
                .status(keys.isLoaded() && sessions.isReady())
                .withData("keys", keys.isLoaded())
                .withData("sessions", sessions.isReady())
                .build();
    }
}
