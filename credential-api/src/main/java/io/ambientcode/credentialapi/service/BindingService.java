package io.ambientcode.credentialapi.service;

import io.ambientcode.contracts.credential.ResolvedBindings;
import io.ambientcode.credentialapi.audit.AuditAction;
import io.ambientcode.credentialapi.audit.AuditEvents;
import io.ambientcode.credentialapi.audit.AuditStore;
import io.ambientcode.credentialapi.auth.UserCaller;
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
import java.util.List;
import org.jboss.logging.Logger;

/** Bindings of credentials to projects and agents, and their resolution for the control plane. */
@ApplicationScoped
public class BindingService {

    private static final Logger LOG = Logger.getLogger(BindingService.class);

    @Inject
    Database db;
    @Inject
    BindingStore bindings;
    @Inject
    CredentialStore credentials;
    @Inject
    AuditStore audit;
    @Inject
    CredentialService credentialService;

    /**
     * Binds a credential the user owns to a project they administer. The unique constraint decides duplicates
     * atomically: of many identical concurrent requests exactly one succeeds, the others get 409.
     */
    public BindingRecord create(UserCaller user, String project, NewBinding input) {
        if (!AccessPolicy.canBindIn(user, project)) {
            throw ApiException.forbidden("binding credentials to project " + project + " requires its admin group");
        }
        BindingRecord created = db.inTransaction(c -> {
            CredentialRecord credential;
            try {
                credential = credentialService.readable(c, user, input.credentialId());
            } catch (ApiException notVisible) {
                throw new ApiException(ErrorCode.CREDENTIAL_NOT_FOUND, "credential not found", "credential_id");
            }
            if (!AccessPolicy.isOwner(user, credential)) {
                throw new ApiException(ErrorCode.NOT_CREDENTIAL_OWNER, "only the credential's owner may bind it",
                        "credential_id");
            }
            BindingRecord b = new BindingRecord(Ids.newId(), project, input.agent(), credential.id(),
                    credential.provider(), user.subject(), Timestamps.now());
            bindings.insert(c, b);
            audit.insert(c, AuditEvents.binding(user, AuditAction.BINDING_CREATE, b));
            return b;
        }, e -> {
            if (SqlStates.isUniqueViolation(e)) {
                return ApiException.conflict(ErrorCode.DUPLICATE_BINDING, "this credential is already bound here");
            }
            if (SqlStates.isForeignKeyViolation(e)) {
                return new ApiException(ErrorCode.CREDENTIAL_NOT_FOUND, "credential not found", "credential_id");
            }
            return null;
        });
        LOG.infof("Binding %s: credential %s -> project %s agent %s, by %s", created.id(), created.credentialId(),
                project, created.agent() == null ? "(all)" : created.agent(), user.subject());
        return created;
    }

    public PageSlice<BindingRecord> list(UserCaller user, String project, PageRequest page) {
        if (!AccessPolicy.canListBindingsOf(user, project)) {
            throw ApiException.forbidden("listing bindings of project " + project + " requires membership");
        }
        return db.read(c -> bindings.list(c, project, page.offset(), page.size()));
    }

    /**
     * Removes a binding. Project admins, platform admins and the credential's owner may; project members who may not
     * get 403, and so does everyone outside the project whether or not the binding exists (no existence oracle).
     */
    public void delete(UserCaller user, String project, String bindingId) {
        db.inTransaction(c -> {
            BindingRecord b = bindings.find(c, project, bindingId).orElse(null);
            boolean insider = AccessPolicy.canListBindingsOf(user, project);
            if (b == null) {
                throw insider ? ApiException.notFound("binding")
                        : ApiException.forbidden("deleting bindings of project " + project + " requires its admin group");
            }
            boolean owner = credentials.find(c, b.credentialId()).map(cr -> AccessPolicy.isOwner(user, cr)).orElse(false);
            if (!AccessPolicy.canBindIn(user, project) && !owner) {
                throw ApiException.forbidden("deleting bindings of project " + project
                        + " requires its admin group or owning the credential");
            }
            bindings.delete(c, b.id());
            audit.insert(c, AuditEvents.binding(user, AuditAction.BINDING_DELETE, b));
            return null;
        });
        LOG.infof("Binding %s in project %s deleted by %s", bindingId, project, user.subject());
    }

    /** The control plane's view: ids and providers only (see {@link ResolvedBindings}). */
    public ResolvedBindings resolve(String project, String agent, List<String> explicitCredentialIds) {
        List<BindingRecord> applicable = db.read(c -> bindings.applicable(c, project, agent));
        return explicitCredentialIds.isEmpty()
                ? BindingResolver.resolve(project, agent, applicable)
                : BindingResolver.explicit(project, agent, applicable, explicitCredentialIds);
    }
}
