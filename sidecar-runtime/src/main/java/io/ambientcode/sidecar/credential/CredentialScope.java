package io.ambientcode.sidecar.credential;

import io.ambientcode.sidecar.exchange.CredentialFailure;
import io.ambientcode.sidecar.spi.SidecarProviderModule;
import io.ambientcode.sidecar.tools.UpstreamException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Runs an upstream call with the current credential and owns the 401 rule (ARCHITECTURE.md section 7): when the
 * upstream answers 401, refresh once and retry once; a second 401 is the caller's error. Provider clients route every
 * authenticated call through {@link #call}.
 */
@Singleton
public class CredentialScope {

    /** An upstream call that needs the credential; throws {@link UpstreamException} for upstream errors. */
    @FunctionalInterface
    public interface UpstreamCall<T> {
        T apply(Credential credential);
    }

    private final CredentialHolder holder;
    private final CredentialRefresher refresher;
    private final String refusal;

    @Inject
    public CredentialScope(CredentialHolder holder, CredentialRefresher refresher, SidecarProviderModule module) {
        this.holder = holder;
        this.refresher = refresher;
        this.refusal = module.upstreamName() + " answered 401";
    }

    public <T> T call(UpstreamCall<T> call) {
        Credential used = holder.require();
        try {
            return call.apply(used);
        } catch (UpstreamException e) {
            if (e.status() != 401) {
                throw e;
            }
            Credential fresh;
            try {
                fresh = refresher.refreshAfterRefusal(used, refusal);
            } catch (CredentialFailure f) {
                throw new UpstreamException(401, "credentials were refused and could not be refreshed (" + f.code() + ")");
            }
            return call.apply(fresh);
        }
    }
}
