package io.ambientcode.contracts.jwt;

/**
 * Claims the credential API reads from a user's OIDC token: {@code sub} (the owner of what they create) and
 * {@code groups}. Project membership and administration are expressed as groups.
 */
public final class UserClaims {

    public static final String GROUPS = "groups";
    /** Issuer of the development user tokens {@code acpctl} signs in local mode; refused outside the local profile. */
    public static final String LOCAL_DEV_ISSUER = "ambient-local-dev";
    public static final String AUDIENCE = SessionTokenClaims.AUDIENCE;
    /** The group whose members are platform administrators, unless a deployment configures another. */
    public static final String DEFAULT_PLATFORM_ADMIN_GROUP = "ambient:platform-admins";

    private UserClaims() {
    }

    /** Group naming a member of a project. */
    public static String projectMemberGroup(String project) {
        return "project:" + project;
    }

    /** Group naming an administrator of a project (may bind credentials to it). */
    public static String projectAdminGroup(String project) {
        return "project:" + project + ":admin";
    }
}
