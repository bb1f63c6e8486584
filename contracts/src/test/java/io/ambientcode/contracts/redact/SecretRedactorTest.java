package io.ambientcode.contracts.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretRedactorTest {

    @Test
    void hidesKnownValuesAndTheirBase64() {
        String secret = "my-very-private-value-42";
        SecretRedactor r = SecretRedactor.of(List.of(secret));
        assertThat(r.redact("before " + secret + " after")).isEqualTo("before [REDACTED] after");
        String b64 = Base64.getEncoder().encodeToString(secret.getBytes());
        assertThat(r.redact("x " + b64 + " y")).doesNotContain(b64).contains(SecretRedactor.MASK);
        assertThat(r.containsSecret("nothing here")).isFalse();
        assertThat(r.containsSecret(secret)).isTrue();
    }

    @Test
    void longerSecretsAreRemovedWhole() {
        SecretRedactor r = SecretRedactor.of(List.of("abcdefgh", "abcdefgh-and-more"));
        assertThat(r.redact("v=abcdefgh-and-more")).isEqualTo("v=[REDACTED]");
    }

    @Test
    void previousSecretsStayHiddenAfterRotation() {
        SecretRedactor r = SecretRedactor.of(List.of("old-secret-1")).withSecrets(List.of("new-secret-2"));
        assertThat(r.redact("old-secret-1 new-secret-2")).isEqualTo("[REDACTED] [REDACTED]");
    }

    @Test
    void shortValuesAreNotTreatedAsSecrets() {
        assertThat(SecretRedactor.of(List.of("ab")).redact("abc")).isEqualTo("abc");
    }

    @Test
    void wellKnownShapesAreHiddenWithoutRegistration() {
        SecretRedactor r = SecretRedactor.shapesOnly();
        String[] leaks = {
            "ghp_" + "a".repeat(36),
            "github_pat_" + "B".repeat(22) + "_" + "c".repeat(59),
            "gho_" + "Z".repeat(36),
            "ghs_" + "Q".repeat(36),
            "glpat-" + "x".repeat(20),
            "xoxb-123456789012-abcdefghij",
            "ya29." + "a0AfH6SM".repeat(5),
            "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl",
            "AKIAIOSFODNN7EXAMPLE",
        };
        for (String leak : leaks) {
            assertThat(r.redact("value: <" + leak + ">")).doesNotContain(leak);
        }
    }

    @Test
    void authorizationHeadersKeepTheirSchemeButLoseTheValue() {
        SecretRedactor r = SecretRedactor.shapesOnly();
        assertThat(r.redact("Authorization: Bearer abc.def-ghi_jkl")).isEqualTo("Authorization: Bearer [REDACTED]");
        assertThat(r.redact("authorization: basic dXNlcjpwYXNzd29yZA==")).isEqualTo("authorization: basic [REDACTED]");
    }

    @Test
    void privateKeyBlocksAndKubeconfigFieldsAreHidden() {
        SecretRedactor r = SecretRedactor.shapesOnly();
        String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAfake\nline2\n-----END RSA PRIVATE KEY-----";
        assertThat(r.redact("key:\n" + pem + "\nend")).isEqualTo("key:\n[REDACTED]\nend");
        String truncated = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANfake";
        assertThat(r.redact(truncated)).isEqualTo("[REDACTED]");
        assertThat(r.redact("client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVk=")).isEqualTo("client-key-data: [REDACTED]");
        assertThat(r.redact("{\"refresh_token\":\"1234567890abcdef\"}")).isEqualTo("{\"refresh_token\":\"[REDACTED]\"}");
    }

    @Test
    void ordinaryTextIsUntouched() {
        String text = "Created issue #42 in owner/repo: token expired at 10:00, bearer of news";
        assertThat(SecretRedactor.shapesOnly().redact(text)).isEqualTo(text);
    }

    @Test
    void redactionIsIdempotent() {
        SecretRedactor r = SecretRedactor.of(List.of("secret-value-9"));
        String once = r.redact("Bearer secret-value-9 and ghp_" + "a".repeat(36));
        assertThat(r.redact(once)).isEqualTo(once);
    }
}
