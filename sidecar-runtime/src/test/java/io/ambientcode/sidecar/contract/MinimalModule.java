package io.ambientcode.sidecar.contract;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.sidecar.credential.Credential;
import io.ambientcode.sidecar.credential.UnusableCredentialException;
import io.ambientcode.sidecar.spi.SidecarProviderModule;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The provider module of the minimal sidecar {@link StartupContractIT} packages: it serves the github provider id (any
 * id would do; the contract is the runtime's), has one setting that makes its configuration invalid, and refuses
 * credentials whose value is marked unusable, so every runtime hook can be driven from outside the process.
 */
@Singleton
public class MinimalModule implements SidecarProviderModule {

    /** Marks a credential value this module refuses ({@link #validate}). */
    public static final String UNUSABLE_PREFIX = "unusable-";

    @ConfigProperty(name = "minimal.broken", defaultValue = "false")
    boolean broken;

    @Override
    public Provider provider() {
        return Provider.GITHUB;
    }

    @Override
    public String upstreamName() {
        return "Minimal API";
    }

    @Override
    public List<String> configurationProblems() {
        return broken ? List.of("minimal.broken is set") : List.of();
    }

    @Override
    public void validate(Credential credential) {
        if (credential.token().startsWith(UNUSABLE_PREFIX)) {
            throw new UnusableCredentialException("the token is marked unusable");
        }
    }
}
