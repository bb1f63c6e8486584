package io.ambientcode.credentialapi.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The three kinds of bearer token this service accepts, each verified against its own issuer and keys
 * (ARCHITECTURE.md section 5). A token is routed by its {@code iss}; an issuer not listed here is refused.
 */
@ConfigMapping(prefix = "ambient.auth")
public interface AuthConfig {

    /** Leeway for {@code exp}, {@code nbf} and {@code iat} between this host's clock and the issuers'. */
    @WithDefault("30s")
    Duration clockSkew();

    /** Longest bearer token accepted, in characters; longer ones are refused before parsing. */
    @WithDefault("16384")
    int maxTokenLength();

    Users users();

    ControlPlane controlPlane();

    Session session();

    /** Users: OIDC JWTs; {@code sub} owns credentials, {@code groups} carries project membership and administration. */
    interface Users {

        /** Expected {@code iss}. Required. {@code ambient-local-dev} is refused outside the local profile. */
        String issuer();

        /** Accepted {@code aud} values (any one must be present in the token). */
        @WithDefault("ambient-credential-api")
        List<String> audience();

        /** JWKS URL of the issuer; one of jwks-url, public-key or public-key-location is required. */
        Optional<String> jwksUrl();

        /** The issuer's RSA public key, SPKI PEM text. */
        Optional<String> publicKey();

        /** A file holding the issuer's RSA public key, SPKI PEM (e.g. the local development issuer's key). */
        Optional<Path> publicKeyLocation();

        /** Signature algorithms accepted for user tokens; never {@code none} or an HMAC algorithm. */
        @WithDefault("RS256,RS384,RS512,PS256,ES256")
        List<String> algorithms();

        /** Claim holding the user's groups. */
        @WithDefault("groups")
        String groupsClaim();

        /** Members of this group are platform administrators: they see every credential's metadata (never tokens). */
        @WithDefault("ambient:platform-admins")
        String platformAdminGroup();
    }

    /** The control plane signs short-lived RS256 JWTs with its own key (iss ambient-control-plane, role control-plane). */
    interface ControlPlane {

        /** The control plane's RSA public key, SPKI PEM text. One of public-key or public-key-location is required. */
        Optional<String> publicKey();

        /** A file holding the control plane's RSA public key, SPKI PEM. */
        Optional<Path> publicKeyLocation();
    }

    /** Session tokens minted by the token server (iss ambient-token-server, RS256, kid from its JWKS). */
    interface Session {

        /** The token server's JWKS URL, e.g. {@code http://ambient-token-server.<ns>.svc:8080/.well-known/jwks.json}. */
        String jwksUrl();

        /** How long fetched keys are used before a routine refresh. */
        @WithDefault("10m")
        Duration jwksCacheTtl();

        /** Minimum time between two fetches triggered by an unknown {@code kid} (so forged kids cannot flood the token server). */
        @WithDefault("10s")
        Duration jwksMinRefreshInterval();

        /** Connect and read timeout of a JWKS fetch. */
        @WithDefault("5s")
        Duration jwksTimeout();
    }
}
