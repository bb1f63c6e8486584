package io.ambientcode.credentialapi.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Test data: fresh names, fake secrets generated per run, and credentials/bindings created through the API. */
public final class Fixtures {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + random(6).toLowerCase();
    }

    public static String random(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ALNUM.charAt(RANDOM.nextInt(ALNUM.length())));
        }
        return sb.toString();
    }

    /** A fake GitHub PAT, fresh per call and registered as a secret. */
    public static String githubToken() {
        return TestSecrets.register("ghp_" + random(36));
    }

    /** A fake Jira API token (no well-known shape: only the literal scan can catch it). */
    public static String jiraToken() {
        return TestSecrets.register("jira" + random(28));
    }

    public static String kubeconfig() {
        String token = TestSecrets.register("kube" + random(40));
        return "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: https://k8s.test:6443\n"
                + "contexts:\n- name: ctx\n  context:\n    cluster: c\n    user: u\ncurrent-context: ctx\n"
                + "users:\n- name: u\n  user:\n    token: " + token + "\n";
    }

    public static String googleAuthorizedUser() {
        String secret = TestSecrets.register("gsecret" + random(24));
        String refresh = TestSecrets.register("grefresh" + random(30));
        return "{\"type\":\"authorized_user\",\"client_id\":\"cid.apps.test\",\"client_secret\":\"" + secret
                + "\",\"refresh_token\":\"" + refresh + "\"}";
    }

    public static String body(Map<String, ?> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> credentialBody(String name, String provider, String token) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("provider", provider);
        m.put("token", token);
        return m;
    }

    /** Creates a credential through the API and returns its id. */
    public static String createCredential(String ownerJwt, Map<String, Object> body) {
        return Api.json(ownerJwt, body(body)).post(Api.CREDENTIALS)
                .then().statusCode(201).extract().path("id");
    }

    public static String createGithub(String ownerJwt, String token) {
        return createCredential(ownerJwt, credentialBody(unique("gh"), "github", token));
    }

    /** Binds a credential through the API (project-level when agent is null) and returns the binding id. */
    public static String bind(String adminJwt, String project, String credentialId, String agent) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("credential_id", credentialId);
        if (agent != null) {
            m.put("agent", agent);
        }
        return Api.json(adminJwt, body(m)).post(Api.bindings(project))
                .then().statusCode(201).extract().path("id");
    }
}
