package io.ambientcode.tokenserver.keys;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Keys in the Secret {@code ambient-cp-token-keypair}: reused when present, generated and created when absent.
 * Two replicas starting at once both generate, one create wins, the loser gets 409 AlreadyExists and re-reads the
 * winner's Secret, so every replica ends with the same keys. Updates use the resourceVersion (optimistic locking).
 */
public final class KubernetesSecretKeyStore implements KeyStore {

    private static final Logger LOG = Logger.getLogger(KubernetesSecretKeyStore.class);
    static final Map<String, String> LABELS = Map.of(
            "app.kubernetes.io/name", "token-server",
            "ambient-code.io/managed-by", "token-server");

    private final KubernetesClient client;
    private final String namespace;
    private final String name;
    private final Clock clock;

    public KubernetesSecretKeyStore(KubernetesClient client, String namespace, String name, Clock clock) {
        this.client = client;
        this.namespace = namespace;
        this.name = name;
        this.clock = clock;
    }

    @Override
    public KeyBundle loadOrCreate() {
        Secret existing = secrets().get();
        if (existing != null) {
            return toBundle(existing);
        }
        KeyBundle generated = KeyBundle.generate(clock.instant());
        try {
            Secret created = client.secrets().inNamespace(namespace).resource(toSecret(generated, null)).create();
            LOG.infof("generated token-server keys into Secret %s/%s", namespace, name);
            return toBundle(created);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                LOG.infof("another replica created Secret %s/%s first; using its keys", namespace, name);
                return reload();
            }
            throw e;
        }
    }

    @Override
    public KeyBundle reload() {
        Secret secret = secrets().get();
        if (secret == null) {
            throw new IllegalStateException("Secret " + namespace + "/" + name + " holding the token-server keys is gone");
        }
        return toBundle(secret);
    }

    @Override
    public boolean replace(KeyBundle current, KeyBundle next) {
        try {
            client.secrets().inNamespace(namespace).resource(toSecret(next, current.version())).update();
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public String describe() {
        return "Secret " + namespace + "/" + name;
    }

    private io.fabric8.kubernetes.client.dsl.Resource<Secret> secrets() {
        return client.secrets().inNamespace(namespace).withName(name);
    }

    private Secret toSecret(KeyBundle bundle, String resourceVersion) {
        Map<String, String> data = new LinkedHashMap<>();
        bundle.entries().forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        return new SecretBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(LABELS)
                .withResourceVersion(resourceVersion).endMetadata()
                .withType("Opaque")
                .withData(data)
                .build();
    }

    private static KeyBundle toBundle(Secret secret) {
        Map<String, String> entries = new LinkedHashMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((k, v) -> entries.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        }
        if (secret.getStringData() != null) {
            entries.putAll(secret.getStringData());
        }
        return new KeyBundle(entries, secret.getMetadata().getResourceVersion());
    }
}
