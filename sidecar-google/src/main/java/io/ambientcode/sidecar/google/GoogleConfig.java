package io.ambientcode.sidecar.google;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/**
 * Settings of the google sidecar beyond the shared runtime's. Every endpoint is configurable so tests point at a fake;
 * each must be https unless it is loopback or cluster-local ({@link GoogleConfigRules}), because the token endpoint
 * receives the client secret, refresh token or signed assertion, and the APIs receive access tokens.
 */
@ConfigMapping(prefix = "ambient.google")
public interface GoogleConfig {

    /** OAuth 2.0 token endpoint; also the {@code aud} of service-account assertions. */
    @WithDefault("https://oauth2.googleapis.com/token")
    String tokenUrl();

    /** Gmail API base ({@code /gmail/v1/users/me/...} is appended). */
    @WithDefault("https://gmail.googleapis.com")
    String gmailUrl();

    /** Drive API base ({@code /drive/v3/...} and {@code /upload/drive/v3/...} are appended). */
    @WithDefault("https://www.googleapis.com")
    String driveUrl();

    /**
     * An access token is renewed this long before it expires (at most half its lifetime), so a call never starts
     * with a token about to lapse and users never have to log in again during a session.
     */
    @WithDefault("60s")
    Duration renewBefore();

    /** Scopes a service account asks for (authorized_user tokens carry the scopes the user consented to). */
    @WithDefault("https://www.googleapis.com/auth/gmail.modify,https://www.googleapis.com/auth/drive")
    List<String> scopes();

    /** Scopes a service account asks for in read-only mode: least privilege down to the access token. */
    @WithDefault("https://www.googleapis.com/auth/gmail.readonly,https://www.googleapis.com/auth/drive.readonly")
    List<String> readOnlyScopes();

    /** Lifetime requested in a service-account assertion ({@code exp - iat}); Google allows at most one hour. */
    @WithDefault("3600s")
    Duration assertionLifetime();
}
