package io.ambientcode.sidecar.google.support;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.sidecar.testing.FakeAmbient;
import io.ambientcode.sidecar.testing.SidecarWorld;
import io.ambientcode.sidecar.testing.TestKeys;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the google sidecar talks to, started once for the module's one Quarkus test application: the token
 * server and credential API fakes (real protocol), and one WireMock standing in for Google's OAuth token endpoint
 * ({@code /token}), Gmail ({@code /gmail/v1/...}) and Drive ({@code /drive/v3/...}, {@code /upload/drive/v3/...}).
 * The credential starts as an {@code authorized_user}; tests rotate it (new secrets, or a service account key) through
 * the credential API as a user would. Every secret is fresh per run and recorded for the leak scan.
 */
public final class GoogleWorld extends SidecarWorld {

    public static final String TOKEN_PATH = "/token";
    public static final String SUBJECT = "person-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
    static final ObjectMapper JSON = new ObjectMapper();

    public static WireMockServer google;
    /** The access token the token endpoint hands out now (and the sidecar is expected to use). */
    public static volatile String accessToken;
    /** The credential JSON the credential API serves now. */
    public static volatile String credential;

    /** A value shaped like no well-known token, so only exact-value redaction can catch it; recorded as a secret. */
    public static String newSecret(String prefix) {
        return secret(prefix + UUID.randomUUID().toString().replace("-", ""));
    }

    /** A fresh authorized_user credential: new client secret and refresh token. */
    public static String authorizedUser() {
        ObjectNode doc = JSON.createObjectNode().put("type", "authorized_user")
                .put("client_id", "client-" + UUID.randomUUID() + ".apps.googleusercontent.com")
                .put("client_secret", newSecret("cs-"))
                .put("refresh_token", newSecret("rt-"));
        return doc.toString();
    }

    /** A service-account key JSON for this key pair (the private key and its PEM lines are recorded as secrets). */
    public static String serviceAccount(KeyPair key, String keyId) {
        String pem = Pem.toPkcs8Pem(key.getPrivate());
        secret(pem);
        for (String line : pem.split("\n")) {
            if (!line.startsWith("-----") && line.length() >= 16) {
                secret(line);
            }
        }
        ObjectNode doc = JSON.createObjectNode().put("type", "service_account").put("project_id", "p")
                .put("private_key_id", keyId).put("private_key", pem)
                .put("client_email", "agent@p.iam.gserviceaccount.com").put("client_id", "1234")
                .put("token_uri", "https://oauth2.googleapis.com/token");
        return doc.toString();
    }

    /** The user replaced the stored credential; the sidecar sees it at its next fetch. */
    public static void rotateCredential(String json, String email) {
        credential = json;
        ambient.credentialApi.rotate(json);
        ambient.credentialApi.setEmail(email);
    }

    /** From now on the token endpoint grants a new access token with this lifetime; returns it. */
    public static String nextAccessToken(long expiresIn) {
        accessToken = newSecret("at-");
        stubTokenEndpoint(expiresIn);
        return accessToken;
    }

    /** (Re)installs the token endpoint stub for the current access token (after a WireMock reset). */
    public static void stubTokenEndpoint(long expiresIn) {
        google.stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(10).willReturn(okJson("{\"access_token\":\""
                + accessToken + "\",\"expires_in\":" + expiresIn + ",\"token_type\":\"Bearer\"}")));
    }

    public static KeyPair newKey() {
        return TestKeys.generate(2048);
    }

    @Override
    protected Map<String, String> startWorld() throws Exception {
        google = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(8));
        google.start();
        credential = authorizedUser();
        ambient = new FakeAmbient("google", credential, null, 0);
        nextAccessToken(3600);
        Map<String, String> config = new HashMap<>();
        config.put("ambient.google.token-url", google.baseUrl() + TOKEN_PATH);
        config.put("ambient.google.gmail-url", google.baseUrl());
        config.put("ambient.google.drive-url", google.baseUrl());
        // test-sized renewal margin: a token granted for 8 s is renewed after 4 s (half its lifetime)
        config.put("ambient.google.renew-before", "5s");
        return config;
    }

    @Override
    protected void stopWorld() {
        if (google != null) {
            google.stop();
        }
    }
}
