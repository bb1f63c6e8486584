package io.ambientcode.credentialapi.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.contracts.credential.CredentialTokenPayload;
import io.ambientcode.contracts.crypto.Jwe;
import io.ambientcode.contracts.provider.CredentialShape;
import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.credentialapi.audit.AuditEvents;
import io.ambientcode.credentialapi.audit.AuditOutcome;
import io.ambientcode.credentialapi.audit.AuditStore;
import io.ambientcode.credentialapi.auth.SessionCaller;
import io.ambientcode.credentialapi.crypto.EnvelopeException;
import io.ambientcode.credentialapi.crypto.TokenEnvelope;
import io.ambientcode.credentialapi.store.CredentialRecord;
import io.ambientcode.credentialapi.store.CredentialStore;
import io.ambientcode.credentialapi.store.Database;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@code GET /credentials/{id}/token}: the only way a token leaves this service (invariants I3, I4). A session token
 * may read a credential only if the id is in its {@code credential_ids}, the credential's provider is the token's
 * {@code prv}, and a binding of the credential to the token's project still exists. The reply is a JWE to the
 * token's {@code cnf.jwk}. Every attempt, granted or not, writes an audit row in the same transaction as the read.
 */
@ApplicationScoped
public class TokenDeliveryService {

    private static final Logger LOG = Logger.getLogger(TokenDeliveryService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Database db;
    @Inject
    CredentialStore credentials;
    @Inject
    AuditStore audit;
    @Inject
    TokenEnvelope envelope;
    @Inject
    MeterRegistry metrics;

    private final Map<AuditOutcome, Counter> reads = new EnumMap<>(AuditOutcome.class);

    /** What happened, decided inside the transaction and acted on after it commits. */
    private record Outcome(AuditOutcome kind, String reason, CredentialTokenPayload payload) {
        @Override
        public String toString() {
            return "Outcome[" + kind + ", " + reason + "]";
        }
    }

    @PostConstruct
    void init() {
        for (AuditOutcome o : AuditOutcome.values()) {
            reads.put(o, Counter.builder("ambient.credential.token.reads")
                    .description("Token reads by session tokens, by outcome")
                    .tag("outcome", o.wire())
                    .register(metrics));
        }
    }

    /** The compact JWE for the sidecar, or an {@link ApiException}: 404 for every denial, 500 if the value does not open. */
    public String deliver(SessionCaller session, String credentialId) {
        Outcome outcome = db.inTransaction(c -> {
            Outcome o = decide(session, credentialId,
                    session.credentialIds().contains(credentialId)
                            ? credentials.findForTokenRead(c, credentialId, session.project())
                            : Optional.empty());
            audit.insert(c, AuditEvents.tokenRead(session, credentialId, o.kind(), o.reason()));
            return o;
        });
        reads.get(outcome.kind()).increment();
        switch (outcome.kind()) {
            case SUCCESS -> {
                LOG.infof("Token of credential %s delivered to session %s (%s)", credentialId, session.sessionId(),
                        session.provider());
                return Jwe.encrypt(toJson(outcome.payload()), session.confirmationKey());
            }
            case DENIED -> {
                LOG.infof("Token read of credential %s by session %s (%s) denied: %s", credentialId,
                        session.sessionId(), session.provider(), outcome.reason());
                throw ApiException.notFound("credential");
            }
            default -> {
                LOG.errorf("Token of credential %s cannot be opened (%s); session %s was refused", credentialId,
                        outcome.reason(), session.sessionId());
                throw new ApiException(ErrorCode.STORED_VALUE_UNREADABLE,
                        "the stored credential cannot be decrypted; an operator must check the keyring", null);
            }
        }
    }

    private Outcome decide(SessionCaller session, String credentialId, Optional<CredentialStore.TokenReadView> found) {
        if (!session.credentialIds().contains(credentialId)) {
            return new Outcome(AuditOutcome.DENIED, "not_in_session_token", null);
        }
        if (found.isEmpty()) {
            return new Outcome(AuditOutcome.DENIED, "credential_not_found", null);
        }
        CredentialRecord credential = found.get().credential();
        if (!credential.provider().equals(session.provider())) {
            return new Outcome(AuditOutcome.DENIED, "provider_mismatch", null);
        }
        if (!found.get().boundInProject()) {
            return new Outcome(AuditOutcome.DENIED, "not_bound", null);
        }
        String token;
        try {
            token = envelope.open(credential.sealedToken(), credential.id());
        } catch (EnvelopeException e) {
            return new Outcome(AuditOutcome.ERROR, "envelope_" + e.reason().name().toLowerCase(), null);
        }
        return new Outcome(AuditOutcome.SUCCESS, null, new CredentialTokenPayload(credential.id(), credential.provider(),
                token, urlOf(credential), credential.email(), null));
    }

    /** The API base the sidecar talks to; github's has a default (ARCHITECTURE.md section 3). */
    private static String urlOf(CredentialRecord credential) {
        if (credential.url() == null && Provider.GITHUB.id().equals(credential.provider())) {
            return CredentialShape.GITHUB_DEFAULT_URL;
        }
        return credential.url();
    }

    private static String toJson(CredentialTokenPayload payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the token payload");
        }
    }
}
