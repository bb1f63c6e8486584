package io.ambientcode.controlplane.local;

import io.ambientcode.contracts.jwt.UserClaims;
import java.util.List;
import java.util.Set;

/** A user of the local management API: the development token's {@code sub} and {@code groups}. */
public record LocalUser(String subject, Set<String> groups) {

    public LocalUser {
        groups = Set.copyOf(groups);
    }

    /** Platform admins see every session; members and admins of a project see its sessions. */
    public boolean mayUse(String project, String platformAdminGroup) {
        return groups.contains(platformAdminGroup)
                || (project != null && (groups.contains(UserClaims.projectMemberGroup(project))
                        || groups.contains(UserClaims.projectAdminGroup(project))));
    }

    public static LocalUser of(String subject, List<String> groups) {
        return new LocalUser(subject, groups == null ? Set.of() : Set.copyOf(groups));
    }
}
