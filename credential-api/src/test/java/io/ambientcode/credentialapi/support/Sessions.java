package io.ambientcode.credentialapi.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.contracts.credential.CredentialTokenPayload;
import io.ambientcode.contracts.crypto.EcKeys;
import io.ambientcode.contracts.crypto.Jwe;
import io.restassured.response.Response;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.util.List;

/**
 * Acts as a sidecar: a session token with a fresh ephemeral key, a token read ({@code Accept: application/jose}, as
 * sidecar-runtime sends it), and decryption of the reply.
 */
public final class Sessions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Sessions() {
    }

    public static Response read(String project, String provider, String credentialId) {
        return Api.as(Jwts.session("sess-" + Fixtures.random(10), project, provider, List.of(credentialId),
                EcKeys.generateP256()).mint()).accept(Jwe.MEDIA_TYPE).get(Api.CREDENTIALS + "/" + credentialId + "/token");
    }

    /** Reads and decrypts; fails unless the service answers 200. */
    public static CredentialTokenPayload readPayload(String project, String provider, String credentialId) {
        KeyPair epk = EcKeys.generateP256();
        String jwe = Api.as(Jwts.session("sess-" + Fixtures.random(10), project, provider, List.of(credentialId), epk)
                .mint()).accept(Jwe.MEDIA_TYPE).get(Api.CREDENTIALS + "/" + credentialId + "/token").then().statusCode(200).extract().asString();
        try {
            return JSON.readValue(Jwe.decrypt(jwe, (ECPrivateKey) epk.getPrivate()), CredentialTokenPayload.class);
        } catch (Exception e) {
            throw new IllegalStateException("the JWE did not decrypt with the session's key", e);
        }
    }
}
