package io.ambientcode.credentialapi.auth;

import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.contracts.jwt.ControlPlaneClaims;
import io.ambientcode.contracts.jwt.SessionTokenClaims;
import io.ambientcode.contracts.jwt.UserClaims;
import io.ambientcode.credentialapi.config.AuthConfig;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwx.JsonWebStructure;

/**
 * Turns an {@code Authorization} header into a {@link Caller}. The token is parsed once without trust to read its
 * {@code iss}, which selects exactly one verifier with its own keys and algorithms; an issuer not configured here is
 * refused. Built eagerly so bad configuration stops start-up (invariant I6).
 */
@Startup
@ApplicationScoped
public class BearerAuthenticator {

    private static final Logger LOG = Logger.getLogger(BearerAuthenticator.class);
    private static final String BEARER = "Bearer ";
    private static final Set<String> RESERVED_ISSUERS = Set.of(ControlPlaneClaims.ISSUER, SessionTokenClaims.ISSUER);

    @Inject
    AuthConfig config;

    private final JwtConsumer unverifiedParser = new JwtConsumerBuilder()
            .setSkipAllValidators()
            .setDisableRequireSignature()
            .setSkipSignatureVerification()
            .build();

    private UserTokenVerifier users;
    private ControlPlaneTokenVerifier controlPlane;
    private SessionTokenVerifier sessions;
    private JwksKeySource sessionKeys;

    @PostConstruct
    void init() {
        AuthConfig.Users u = config.users();
        if (RESERVED_ISSUERS.contains(u.issuer())) {
            throw new IllegalStateException("ambient.auth.users.issuer must not be " + u.issuer()
                    + ": that issuer is reserved for service tokens");
        }
        if (UserClaims.LOCAL_DEV_ISSUER.equals(u.issuer()) && !ConfigUtils.getProfiles().contains("local")) {
            throw new IllegalStateException("ambient.auth.users.issuer=" + UserClaims.LOCAL_DEV_ISSUER
                    + " (the local development issuer) is refused outside the local profile");
        }
        if (u.algorithms().stream().anyMatch(a -> a.equalsIgnoreCase("none") || a.toUpperCase().startsWith("HS"))) {
            throw new IllegalStateException("ambient.auth.users.algorithms must not include none or HMAC algorithms");
        }
        users = new UserTokenVerifier(u.issuer(), u.audience(), userKeys(u), u.algorithms(), config.clockSkew(),
                u.groupsClaim(), u.platformAdminGroup());

        PublicKey cpKey = rsaKey("ambient.auth.control-plane", config.controlPlane().publicKey(),
                config.controlPlane().publicKeyLocation())
                .orElseThrow(() -> new IllegalStateException("The control plane's public key is not configured "
                        + "(ambient.auth.control-plane.public-key or .public-key-location)"));
        controlPlane = new ControlPlaneTokenVerifier(cpKey, config.clockSkew());

        AuthConfig.Session s = config.session();
        sessionKeys = new JwksKeySource(URI.create(s.jwksUrl()), s.jwksCacheTtl(), s.jwksMinRefreshInterval(),
                s.jwksTimeout());
        sessions = new SessionTokenVerifier(KeyLookup.jwks(sessionKeys), config.clockSkew());
        LOG.infof("Accepting user tokens from issuer %s, control-plane tokens, and session tokens with keys from %s",
                u.issuer(), s.jwksUrl());
    }

    /**
     * Authenticates a request.
     *
     * @throws AuthenticationException 401: no, malformed, unverifiable or unacceptable token
     * @throws KeySourceUnavailableException 503: the token server's key set cannot be fetched
     */
    public Caller authenticate(String authorizationHeader) throws AuthenticationException {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw new AuthenticationException(io.ambientcode.credentialapi.service.ErrorCode.MISSING_TOKEN, "a bearer token is required");
        }
        if (!authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw AuthenticationException.invalid("the Authorization scheme must be Bearer");
        }
        String token = authorizationHeader.substring(BEARER.length()).strip();
        if (token.isEmpty() || token.length() > config.maxTokenLength()) {
            throw AuthenticationException.invalid("token empty or too long");
        }
        JwtContext context;
        String issuer;
        String algorithm;
        try {
            context = unverifiedParser.process(token);
            List<JsonWebStructure> objects = context.getJoseObjects();
            if (objects.size() != 1 || !(objects.get(0) instanceof JsonWebSignature jws)) {
                throw AuthenticationException.invalid("token is not a signed JWT");
            }
            algorithm = jws.getAlgorithmHeaderValue();
            issuer = context.getJwtClaims().getIssuer();
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw AuthenticationException.invalid("token is not a well-formed JWT");
        }
        if (issuer == null) {
            throw AuthenticationException.invalid("issuer not accepted");
        }
        if (issuer.equals(SessionTokenClaims.ISSUER)) {
            requireAlgorithm(algorithm, SessionTokenVerifier.ALGORITHMS);
            return sessions.verify(context);
        }
        if (issuer.equals(ControlPlaneClaims.ISSUER)) {
            requireAlgorithm(algorithm, ControlPlaneTokenVerifier.ALGORITHMS);
            return controlPlane.verify(context);
        }
        if (issuer.equals(users.issuer())) {
            requireAlgorithm(algorithm, users.algorithms());
            return users.verify(context);
        }
        throw AuthenticationException.invalid("issuer not accepted");
    }

    /** The token server key source, for tests and diagnostics. */
    public JwksKeySource sessionKeys() {
        return sessionKeys;
    }

    private static void requireAlgorithm(String algorithm, Set<String> allowed) throws AuthenticationException {
        if (algorithm == null || !allowed.contains(algorithm)) {
            throw AuthenticationException.invalid("algorithm not accepted");
        }
    }

    private KeyLookup userKeys(AuthConfig.Users u) {
        Optional<PublicKey> fixed = rsaKey("ambient.auth.users", u.publicKey(), u.publicKeyLocation());
        if (fixed.isPresent() && u.jwksUrl().isPresent()) {
            throw new IllegalStateException("Configure either ambient.auth.users.jwks-url or a public key, not both");
        }
        if (fixed.isPresent()) {
            return KeyLookup.fixed(fixed.get());
        }
        String jwks = u.jwksUrl().orElseThrow(() -> new IllegalStateException("The user token issuer's keys are not "
                + "configured (ambient.auth.users.jwks-url, .public-key or .public-key-location)"));
        AuthConfig.Session s = config.session();
        return KeyLookup.jwks(new JwksKeySource(URI.create(jwks), s.jwksCacheTtl(), s.jwksMinRefreshInterval(),
                s.jwksTimeout()));
    }

    private static Optional<PublicKey> rsaKey(String prefix, Optional<String> pem, Optional<Path> location) {
        if (pem.isPresent() && location.isPresent()) {
            throw new IllegalStateException("Configure either " + prefix + ".public-key or " + prefix
                    + ".public-key-location, not both");
        }
        String text;
        if (pem.isPresent()) {
            text = pem.get();
        } else if (location.isPresent()) {
            try {
                text = Files.readString(location.get(), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new IllegalStateException(prefix + ".public-key-location cannot be read: " + location.get());
            }
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(Pem.parseRsaPublicKey(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(prefix + ": the public key is not an RSA SPKI PEM (" + e.getMessage() + ")");
        }
    }
}
