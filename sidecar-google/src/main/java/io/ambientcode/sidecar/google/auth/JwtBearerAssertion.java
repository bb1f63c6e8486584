package io.ambientcode.sidecar.google.auth;

import io.ambientcode.sidecar.google.auth.GoogleCredential.ServiceAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * The assertion of the OAuth 2.0 JWT-bearer grant for a service account, as Google documents it: an RS256 JWT signed
 * with the key's {@code private_key} ({@code kid} = {@code private_key_id}), claims {@code iss} = the service account's
 * email, {@code scope} = space-separated scopes, {@code aud} = the token endpoint, {@code iat}, {@code exp} (at most
 * one hour later), and {@code sub} = the user to impersonate when domain-wide delegation is used. Pure.
 */
public final class JwtBearerAssertion {

    public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private JwtBearerAssertion() {
    }

    public static String sign(ServiceAccount account, List<String> scopes, String audience, Instant now, Duration lifetime) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(account.clientEmail());
        claims.setClaim("scope", String.join(" ", scopes));
        claims.setAudience(audience);
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(lifetime).getEpochSecond()));
        account.subject().ifPresent(claims::setSubject);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(account.privateKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        account.keyId().ifPresent(jws::setKeyIdHeaderValue);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign the service account assertion: " + e.getClass().getSimpleName());
        }
    }
}
