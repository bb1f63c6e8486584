package io.ambientcode.acpctl.local;

/** Progress lines of a long local operation, shown on stderr ("credential-api: waiting for readiness…"). */
@FunctionalInterface
public interface Progress {

    void step(String message);
}
