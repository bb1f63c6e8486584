package io.ambientcode.tokenserver.session;

import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.ProofSecret;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Sessions from {@code AgenticSession} resources. A watch keeps an index from session id ({@code metadata.uid}) to
 * namespace/name, so an unknown id costs no API call; for a known one the resource and its proofs Secret are read
 * fresh (the caching layer above bounds how long that answer is reused).
 */
public final class KubernetesSessionDirectory implements SessionDirectory, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KubernetesSessionDirectory.class);
    private static final String UID_INDEX = "uid";

    private final KubernetesClient client;
    private final List<SharedIndexInformer<AgenticSession>> informers = new ArrayList<>();

    public KubernetesSessionDirectory(KubernetesClient client, List<String> namespaces) {
        this.client = client;
        if (namespaces.isEmpty()) {
            informers.add(client.resources(AgenticSession.class).inAnyNamespace().runnableInformer(0));
        } else {
            for (String ns : namespaces) {
                informers.add(client.resources(AgenticSession.class).inNamespace(ns).runnableInformer(0));
            }
        }
        for (SharedIndexInformer<AgenticSession> informer : informers) {
            informer.addIndexers(Map.of(UID_INDEX, s -> List.of(s.getMetadata().getUid())));
        }
    }

    /** Starts the watches; returns without waiting for them to sync (readiness reports that). */
    public void start() {
        for (SharedIndexInformer<AgenticSession> informer : informers) {
            informer.start();
        }
        LOG.infof("watching AgenticSessions (%d watch%s)", informers.size(), informers.size() == 1 ? "" : "es");
    }

    @Override
    public boolean isReady() {
        return informers.stream().allMatch(SharedIndexInformer::hasSynced);
    }

    @Override
    public Optional<SessionRecord> find(String sessionId) {
        AgenticSession indexed = null;
        for (SharedIndexInformer<AgenticSession> informer : informers) {
            List<AgenticSession> hits = informer.getIndexer().byIndex(UID_INDEX, sessionId);
            if (!hits.isEmpty()) {
                indexed = hits.get(0);
                break;
            }
        }
        if (indexed == null) {
            return Optional.empty();
        }
        String namespace = indexed.getMetadata().getNamespace();
        String name = indexed.getMetadata().getName();
        try {
            AgenticSession session = client.resources(AgenticSession.class).inNamespace(namespace).withName(name).get();
            if (session == null || !sessionId.equals(session.getMetadata().getUid())) {
                return Optional.empty();
            }
            var status = session.getStatus();
            var phase = status == null ? null : status.getPhase();
            Map<String, String> credentials = status == null || status.getCredentials() == null ? Map.of() : status.getCredentials();
            String project = session.getSpec() == null ? null : session.getSpec().getProject();
            Map<String, String> proofs = Map.of();
            if (io.ambientcode.contracts.session.SessionPhase.isLive(phase)) {
                proofs = readProofs(namespace, ProofSecret.nameFor(name));
            }
            return Optional.of(new SessionRecord(sessionId, project, phase, credentials, proofs));
        } catch (KubernetesClientException e) {
            throw new SessionDirectoryUnavailableException("Kubernetes API error reading session " + namespace + "/" + name
                    + " (HTTP " + e.getCode() + ")", e);
        }
    }

    private Map<String, String> readProofs(String namespace, String secretName) {
        Secret secret = client.secrets().inNamespace(namespace).withName(secretName).get();
        Map<String, String> proofs = new LinkedHashMap<>();
        if (secret == null) {
            return proofs;
        }
        if (secret.getData() != null) {
            secret.getData().forEach((k, v) -> proofs.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8).strip()));
        }
        if (secret.getStringData() != null) {
            secret.getStringData().forEach((k, v) -> proofs.put(k, v.strip()));
        }
        return proofs;
    }

    @Override
    public void close() {
        informers.forEach(SharedIndexInformer::close);
    }
}
