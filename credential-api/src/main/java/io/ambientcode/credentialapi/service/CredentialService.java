package io.ambientcode.credentialapi.service;

import io.ambientcode.contracts.provider.CredentialShape;
import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.credentialapi.audit.AuditAction;
import io.ambientcode.credentialapi.audit.AuditEvent;
import io.ambientcode.credentialapi.audit.AuditEvents;
import io.ambientcode.credentialapi.audit.AuditStore;
import io.ambientcode.credentialapi.auth.UserCaller;
import io.ambientcode.credentialapi.crypto.TokenEnvelope;
import io.ambientcode.credentialapi.store.BindingRecord;
import io.ambientcode.credentialapi.store.BindingStore;
import io.ambientcode.credentialapi.store.CredentialRecord;
import io.ambientcode.credentialapi.store.CredentialStore;
import io.ambientcode.credentialapi.store.Database;
import io.ambientcode.credentialapi.store.Ids;
import io.ambientcode.credentialapi.store.PageSlice;
import io.ambientcode.credentialapi.store.SqlStates;
import io.ambientcode.credentialapi.store.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jboss.logging.Logger;

/**
 * Credentials as users see them: create, read metadata, patch, delete, and read the audit trail. Tokens go in
 * (sealed before they touch the database) but never come out of this class.
 */
@ApplicationScoped
public class CredentialService {

    private static final Logger LOG = Logger.getLogger(CredentialService.class);
    static final String EMPTY_METADATA = "{}";

    @Inject
    Database db;
    @Inject
    CredentialStore credentials;
    @Inject
    BindingStore bindings;
    @Inject
    AuditStore audit;
    @Inject
    TokenEnvelope envelope;

    public CredentialRecord create(UserCaller user, NewCredential input) {
        CredentialShape shape = shapeOf(input.provider());
        firstProblem(shape.validate(new CredentialShape.CredentialFields(input.token(), input.url(), input.email())));
        String id = Ids.newId();
        Instant now = Timestamps.now();
        CredentialRecord record = new CredentialRecord(id, user.subject(), input.name(), input.provider(),
                input.description(), input.url(), input.email(),
                input.metadataJson() == null ? EMPTY_METADATA : input.metadataJson(),
                envelope.seal(input.token(), id), now, now, now, 1);
        db.inTransaction(c -> {
            try {
                credentials.insert(c, record);
            } catch (SQLException e) {
                if (SqlStates.isUniqueViolation(e)) {
                    throw duplicateName();
                }
                throw e;
            }
            audit.insert(c, AuditEvents.credential(user, AuditAction.CREDENTIAL_CREATE, id, record.provider()));
            return null;
        });
        LOG.infof("Credential %s (%s) created by %s", id, record.provider(), user.subject());
        return record;
    }

    public CredentialRecord get(UserCaller user, String id) {
        return db.read(c -> readable(c, user, id));
    }

    public PageSlice<CredentialRecord> list(UserCaller user, Optional<String> provider, PageRequest page) {
        CredentialStore.Visibility visibility = user.platformAdmin()
                ? CredentialStore.Visibility.everything()
                : CredentialStore.Visibility.of(user.subject(), user.memberProjects());
        return db.read(c -> credentials.list(c, visibility, provider, page.offset(), page.size()));
    }

    /**
     * Applies a patch if the row is unchanged since it was read in this transaction (and, with {@code ifMatch}, since
     * the client read it). A concurrent writer makes this answer 409, never silently overwrite.
     */
    public CredentialRecord patch(UserCaller user, String id, CredentialPatch patch, OptionalLong ifMatch) {
        CredentialRecord updated = db.inTransaction(c -> {
            CredentialRecord current = manageable(c, user, id);
            requireVersion(current, ifMatch);
            if (patch.fields().isEmpty()) {
                return current;
            }
            CredentialRecord next = apply(current, patch);
            if (!credentials.update(c, next, current.version(), patch.has(CredentialPatch.TOKEN))) {
                throw ApiException.conflict(ErrorCode.VERSION_CONFLICT,
                        "the credential was changed concurrently; read it again and retry");
            }
            audit.insert(c, AuditEvents.credential(user, AuditAction.CREDENTIAL_UPDATE, id, current.provider()));
            return next;
        }, this::translateUpdateFailure);
        LOG.infof("Credential %s updated by %s (fields %s)", id, user.subject(), patch.fields());
        return updated;
    }

    /** Deletes a credential; if it is still bound, only with {@code force}, which removes its bindings in the same transaction. */
    public void delete(UserCaller user, String id, boolean force, OptionalLong ifMatch) {
        int removedBindings = db.inTransaction(c -> {
            CredentialRecord current = manageable(c, user, id);
            requireVersion(current, ifMatch);
            List<BindingRecord> bound = bindings.forCredential(c, id);
            if (!bound.isEmpty() && !force) {
                throw ApiException.conflict(ErrorCode.CREDENTIAL_BOUND, "the credential is bound in " + bound.size()
                        + " place(s); delete the bindings first or pass force=true");
            }
            for (BindingRecord b : bound) {
                audit.insert(c, AuditEvents.binding(user, AuditAction.BINDING_DELETE, b));
            }
            bindings.deleteForCredential(c, id);
            if (!credentials.delete(c, id)) {
                throw ApiException.notFound("credential");
            }
            audit.insert(c, AuditEvents.credential(user, AuditAction.CREDENTIAL_DELETE, id, current.provider()));
            return bound.size();
        }, this::translateUpdateFailure);
        LOG.infof("Credential %s deleted by %s (%d binding(s) removed)", id, user.subject(), removedBindings);
    }

    /** The audit trail of a credential, for its owner or a platform admin. */
    public PageSlice<AuditEvent> auditTrail(UserCaller user, String id, PageRequest page) {
        return db.read(c -> {
            manageable(c, user, id);
            return audit.list(c, id, page.offset(), page.size());
        });
    }

    /** The credential if the user may read it; 404 if it does not exist or they may not see it. */
    CredentialRecord readable(Connection c, UserCaller user, String id) throws SQLException {
        CredentialRecord record = credentials.find(c, id).orElseThrow(() -> ApiException.notFound("credential"));
        if (AccessPolicy.isOwner(user, record) || user.platformAdmin()) {
            return record;
        }
        if (AccessPolicy.canRead(user, record, credentials.boundProjects(c, id))) {
            return record;
        }
        throw ApiException.notFound("credential");
    }

    /** The credential if the user may manage it; 403 if they can see but not manage it, 404 if they cannot see it. */
    private CredentialRecord manageable(Connection c, UserCaller user, String id) throws SQLException {
        CredentialRecord record = readable(c, user, id);
        if (!AccessPolicy.canManage(user, record)) {
            throw ApiException.forbidden("only the credential's owner or a platform admin may do this");
        }
        return record;
    }

    private CredentialRecord apply(CredentialRecord current, CredentialPatch patch) {
        String name = patch.has(CredentialPatch.NAME) ? patch.name() : current.name();
        String description = patch.has(CredentialPatch.DESCRIPTION) ? patch.description() : current.description();
        String url = patch.has(CredentialPatch.URL) ? patch.url() : current.url();
        String email = patch.has(CredentialPatch.EMAIL) ? patch.email() : current.email();
        String metadata = patch.has(CredentialPatch.METADATA)
                ? (patch.metadataJson() == null ? EMPTY_METADATA : patch.metadataJson())
                : current.metadataJson();
        CredentialShape shape = shapeOf(current.provider());
        Instant now = Timestamps.now();
        String sealed = current.sealedToken();
        Instant tokenSetAt = current.tokenSetAt();
        if (patch.has(CredentialPatch.TOKEN)) {
            firstProblem(shape.validate(new CredentialShape.CredentialFields(patch.token(), url, email)));
            sealed = envelope.seal(patch.token(), current.id());
            tokenSetAt = now;
        } else {
            firstProblem(shape.validateWithoutToken(new CredentialShape.CredentialFields(null, url, email)));
        }
        return new CredentialRecord(current.id(), current.owner(), name, current.provider(), description, url, email,
                metadata, sealed, tokenSetAt, current.createdAt(), now, current.version() + 1);
    }

    private static void requireVersion(CredentialRecord current, OptionalLong ifMatch) {
        if (ifMatch.isPresent() && ifMatch.getAsLong() != current.version()) {
            throw new ApiException(ErrorCode.PRECONDITION_FAILED,
                    "If-Match does not match the credential's current version", null);
        }
    }

    static CredentialShape shapeOf(String provider) {
        return Provider.storableShape(provider).orElseThrow(() -> ApiException.badRequest(ErrorCode.UNKNOWN_PROVIDER,
                "provider must be one of " + storableProviders(), "provider"));
    }

    static String storableProviders() {
        List<String> ids = new java.util.ArrayList<>(Provider.ids());
        ids.addAll(new java.util.TreeSet<>(Provider.STORED_WITHOUT_SIDECAR.keySet()));
        return String.join(", ", ids);
    }

    private static void firstProblem(List<CredentialShape.FieldProblem> problems) {
        if (!problems.isEmpty()) {
            CredentialShape.FieldProblem p = problems.get(0);
            throw ApiException.badRequest(ErrorCode.INVALID_CREDENTIAL, p.field() + " " + p.message(), p.field());
        }
    }

    private static ApiException duplicateName() {
        return new ApiException(ErrorCode.DUPLICATE_NAME, "you already have a credential with this name", "name");
    }

    /** A unique violation on update is a rename onto an existing name; a foreign-key one is a binding racing a delete. */
    private RuntimeException translateUpdateFailure(SQLException e) {
        if (SqlStates.isUniqueViolation(e)) {
            return duplicateName();
        }
        if (SqlStates.isForeignKeyViolation(e)) {
            return ApiException.conflict(ErrorCode.CREDENTIAL_BOUND, "the credential was bound concurrently; retry");
        }
        return null;
    }
}
