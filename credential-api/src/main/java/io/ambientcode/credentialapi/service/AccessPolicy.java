package io.ambientcode.credentialapi.service;

import io.ambientcode.credentialapi.auth.UserCaller;
import io.ambientcode.credentialapi.store.CredentialRecord;
import java.util.Set;

/**
 * Who may do what with a credential's metadata (ARCHITECTURE.md section 5). Pure functions; no rule here ever
 * grants a token read: that path is for session tokens only ({@link TokenDeliveryService}).
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    public static boolean isOwner(UserCaller user, CredentialRecord c) {
        return user.subject().equals(c.owner());
    }

    /** Owners, platform admins, and members of any project the credential is bound in may read its metadata. */
    public static boolean canRead(UserCaller user, CredentialRecord c, Set<String> boundProjects) {
        return isOwner(user, c) || user.platformAdmin() || boundProjects.stream().anyMatch(user::isMemberOf);
    }

    /** Owners and platform admins may change or delete a credential, and read its audit trail. */
    public static boolean canManage(UserCaller user, CredentialRecord c) {
        return isOwner(user, c) || user.platformAdmin();
    }

    /** Administrators of the project (or platform admins) may bind, and only credentials they own. */
    public static boolean canBindIn(UserCaller user, String project) {
        return user.isAdminOf(project) || user.platformAdmin();
    }

    /** Members of the project (and platform admins) may list its bindings. */
    public static boolean canListBindingsOf(UserCaller user, String project) {
        return user.isMemberOf(project) || user.platformAdmin();
    }
}
