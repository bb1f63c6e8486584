package io.ambientcode.tokenserver.keys;

import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The keys the token server uses right now. Loaded (or bootstrapped) once at start-up, then re-read periodically so
 * that replicas converge after one of them rotates. Signing-key rotation is age-based: the replica that notices first
 * rotates with an optimistic update; the others see the result on their next refresh.
 */
public class KeyRing {

    private static final Logger LOG = Logger.getLogger(KeyRing.class);

    private final KeyStore store;
    private final Clock clock;
    private final Duration signingRotationPeriod;
    private final boolean rotatable;
    private volatile KeyBundle bundle;
    private volatile KeyMaterial material;

    public KeyRing(KeyStore store, Clock clock, Duration signingRotationPeriod) {
        this.store = store;
        this.clock = clock;
        this.signingRotationPeriod = signingRotationPeriod;
        this.rotatable = !(store instanceof ProvidedKeyStore);
    }

    /** Loads or bootstraps the keys; fails (and so stops start-up) when they are missing or broken. */
    public void start() {
        install(store.loadOrCreate());
        LOG.infof("token-server keys loaded from %s (signing kid %s)", store.describe(), material.signingKey().kid());
        refresh();
    }

    public KeyMaterial current() {
        KeyMaterial m = material;
        if (m == null) {
            throw new IllegalStateException("keys are not loaded yet");
        }
        return m;
    }

    public boolean isLoaded() {
        return material != null;
    }

    /** Re-reads the store and rotates the signing key when it is due. Errors keep the keys already held. */
    public void refresh() {
        try {
            KeyBundle latest = store.reload();
            if (rotatable && latest.signingKeyOlderThan(signingRotationPeriod, clock.instant())) {
                KeyBundle rotated = latest.withRotatedSigningKey(clock.instant());
                if (store.replace(latest, rotated)) {
                    LOG.infof("rotated the signing key in %s", store.describe());
                }
                latest = store.reload();
            }
            install(latest);
        } catch (RuntimeException e) {
            LOG.warnf("could not refresh keys from %s: %s", store.describe(), e.getClass().getSimpleName());
        }
    }

    /** Rotates the exchange key now; the previous one stays accepted for {@code grace}. */
    public void rotateExchangeKey(Duration grace) {
        for (int attempt = 0; attempt < 5; attempt++) {
            KeyBundle latest = store.reload();
            if (store.replace(latest, latest.withRotatedExchangeKey(clock.instant(), grace))) {
                install(store.reload());
                LOG.infof("rotated the exchange key in %s; the previous key is accepted for %s", store.describe(), grace);
                return;
            }
        }
        throw new IllegalStateException("could not rotate the exchange key: the store kept changing");
    }

    private void install(KeyBundle next) {
        KeyMaterial parsed = next.toMaterial();
        this.bundle = next;
        this.material = parsed;
    }
}
