package io.ambientcode.credentialapi.crypto;

import io.ambientcode.credentialapi.config.EncryptionConfig;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Builds the keyring once from configuration; a bad or missing keyring stops start-up (see {@link KeyringFactory}). */
@ApplicationScoped
public class CryptoProducer {

    private static final Logger LOG = Logger.getLogger(CryptoProducer.class);

    @Produces
    @Singleton
    TokenEnvelope envelope(EncryptionConfig config) {
        boolean generated = config.keys().isEmpty();
        Keyring keyring = KeyringFactory.forProfiles(config.keys(), config.currentVersion(), ConfigUtils.getProfiles(),
                config.devKeyFile());
        if (generated) {
            LOG.warnf("No encryption key configured: using the development key in %s (profiles %s). Never in production.",
                    config.devKeyFile(), ConfigUtils.getProfiles());
        }
        LOG.infof("Encryption at rest: key versions %s, sealing with v%d", keyring.versions(), keyring.currentVersion());
        return new TokenEnvelope(keyring);
    }
}
