package io.ambientcode.credentialapi.auth;

import io.ambientcode.contracts.jwt.UserClaims;
import java.util.Set;
import java.util.TreeSet;

/**
 * A person, from the configured OIDC issuer. Project membership and administration come from groups
 * ({@code project:<p>}, {@code project:<p>:admin}); platform administrators see all metadata but, like everyone,
 * never read a token back.
 */
public record UserCaller(String subject, Set<String> groups, boolean platformAdmin) implements Caller {

    private static final String PROJECT_PREFIX = "project:";
    private static final String ADMIN_SUFFIX = ":admin";

    public UserCaller {
        groups = Set.copyOf(groups);
    }

    @Override
    public String kind() {
        return "user";
    }

    @Override
    public String actor() {
        return subject;
    }

    /** A member or administrator of the project. */
    public boolean isMemberOf(String project) {
        return groups.contains(UserClaims.projectMemberGroup(project)) || isAdminOf(project);
    }

    public boolean isAdminOf(String project) {
        return groups.contains(UserClaims.projectAdminGroup(project));
    }

    /** Every project the user belongs to, from {@code project:<p>} and {@code project:<p>:admin} groups. */
    public Set<String> memberProjects() {
        Set<String> projects = new TreeSet<>();
        for (String g : groups) {
            if (!g.startsWith(PROJECT_PREFIX)) {
                continue;
            }
            String rest = g.substring(PROJECT_PREFIX.length());
            if (rest.endsWith(ADMIN_SUFFIX)) {
                rest = rest.substring(0, rest.length() - ADMIN_SUFFIX.length());
            }
            if (!rest.isEmpty() && !rest.contains(":")) {
                projects.add(rest);
            }
        }
        return projects;
    }
}
