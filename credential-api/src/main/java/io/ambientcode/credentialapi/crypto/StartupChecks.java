package io.ambientcode.credentialapi.crypto;

import io.ambientcode.credentialapi.store.CredentialStore;
import io.ambientcode.credentialapi.store.Database;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Start-up refusal (invariant I6): after migrations ran, every stored value's key version must have a configured key.
 * Malformed stored values do not stop start-up (one corrupt row must not take every other credential down) but are
 * reported by id, and reading them fails with an error, never with garbage.
 */
@ApplicationScoped
public class StartupChecks {

    private static final Logger LOG = Logger.getLogger(StartupChecks.class);

    @Inject
    TokenEnvelope envelope;
    @Inject
    Database db;
    @Inject
    CredentialStore credentials;

    void onStart(@Observes @Priority(10) StartupEvent event) {
        StoredVersions census = new StoredVersions();
        db.read(c -> {
            credentials.forEachToken(c, census::add);
            return null;
        });
        Keyring keyring = envelope.keyring();
        census.requireOpenable(keyring);
        long stale = census.countByVersion().entrySet().stream()
                .filter(e -> e.getKey() != keyring.currentVersion())
                .mapToLong(java.util.Map.Entry::getValue)
                .sum();
        LOG.infof("Stored credential tokens by key version: %s%s", census.countByVersion(),
                stale > 0 ? " (" + stale + " not on v" + keyring.currentVersion() + ": run 'reencrypt')" : "");
        if (census.malformedCount() > 0) {
            LOG.errorf("%d stored credential token(s) are not valid envelopes and cannot be delivered; ids: %s",
                    census.malformedCount(), census.malformedIds());
        }
    }
}
