package io.ambientcode.systemtests.kubernetes.harness;

import io.ambientcode.contracts.credential.CredentialApiPaths;
import io.ambientcode.contracts.jwt.UserClaims;
import io.ambientcode.systemtests.support.Http;
import io.ambientcode.systemtests.support.RunSecrets;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * The users' side of the credential API: an OIDC issuer made for this run (its key is the one the credential API is
 * configured to trust) and users who create credentials and bind them to projects they administer.
 */
public final class Users {

    public static final String ISSUER = "https://issuer.system-tests.invalid";

    private final String apiUrl;
    private final KeyPair issuerKey;

    public Users(String apiUrl, KeyPair issuerKey) {
        this.apiUrl = apiUrl;
        this.issuerKey = issuerKey;
    }

    /** A user who administers the given projects. */
    public User admin(String subject, String... projects) {
        List<String> groups = new java.util.ArrayList<>();
        for (String p : projects) {
            groups.add(UserClaims.projectMemberGroup(p));
            groups.add(UserClaims.projectAdminGroup(p));
        }
        return new User(subject, jwt(subject, groups));
    }

    private String jwt(String subject, List<String> groups) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(UserClaims.AUDIENCE);
        claims.setSubject(subject);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(60);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setStringListClaim(UserClaims.GROUPS, groups);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(issuerKey.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return RunSecrets.register("user JWT " + subject, jws.getCompactSerialization());
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One user's calls. */
    public final class User {
        private final String subject;
        private final String jwt;

        private User(String subject, String jwt) {
            this.subject = subject;
            this.jwt = jwt;
        }

        public String subject() {
            return subject;
        }

        /** Creates a credential; returns its id. {@code fields}: name, provider, token, url, email, ... */
        public String createCredential(Map<String, Object> fields) {
            Http.Response r = call("POST", CredentialApiPaths.BASE + "/credentials", fields);
            if (r.status() != 201 && r.status() != 200) {
                throw new AssertionError("creating a " + fields.get("provider") + " credential answered " + r.status() + " " + r.body());
            }
            return r.json().path("id").asText();
        }

        public void bind(String project, String credentialId) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("credential_id", credentialId);
            Http.Response r = call("POST", CredentialApiPaths.BASE + "/projects/" + project + "/credential-bindings", body);
            if (r.status() != 201 && r.status() != 200) {
                throw new AssertionError("binding " + credentialId + " to " + project + " answered " + r.status() + " " + r.body());
            }
        }

        /** Rotates a credential's token (merge patch); returns the reply. */
        public Http.Response patch(String credentialId, Map<String, Object> fields) {
            return call("PATCH", CredentialApiPaths.credential(credentialId), fields);
        }

        /** A POST as this user, whatever the answer (callers that count statuses, e.g. writes during an outage). */
        public Http.Response post(String path, Map<String, Object> body) {
            return call("POST", path, body);
        }

        public Http.Response get(String path) {
            return call("GET", path, null);
        }

        private Http.Response call(String method, String path, Map<String, Object> body) {
            return Http.send(method, apiUrl + path, Map.of("Authorization", "Bearer " + jwt, "Accept", "application/json"),
                    body == null ? null : Http.json(body));
        }
    }
}
