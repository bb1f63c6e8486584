package io.ambientcode.contracts.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.provider.CredentialShape.CredentialFields;
import io.ambientcode.contracts.provider.CredentialShape.FieldProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialShapeTest {

    private static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: c
              cluster: {server: "https://127.0.0.1:6443"}
            contexts:
            - name: x
              context: {cluster: c, user: u}
            users:
            - name: u
              user: {token: fake-token-for-tests}
            current-context: x
            """;

    private static List<String> fields(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::field).toList();
    }

    @Test
    void githubNeedsASingleLineToken() {
        assertThat(CredentialShape.GITHUB.validate(new CredentialFields("ghp_fake", null, null))).isEmpty();
        assertThat(fields(CredentialShape.GITHUB.validate(new CredentialFields(null, null, null)))).containsExactly("token");
        assertThat(fields(CredentialShape.GITHUB.validate(new CredentialFields("a b", null, null)))).containsExactly("token");
        assertThat(fields(CredentialShape.GITHUB.validate(new CredentialFields("t0k", "ftp://x", null)))).containsExactly("url");
        assertThat(fields(CredentialShape.GITHUB.validate(new CredentialFields("t0k", "https://u:p@x", null)))).containsExactly("url");
    }

    @Test
    void jiraNeedsAUrl() {
        assertThat(fields(CredentialShape.JIRA.validate(new CredentialFields("tok", null, "a@b.c")))).containsExactly("url");
        assertThat(CredentialShape.JIRA.validate(new CredentialFields("tok", "https://x.atlassian.net", "a@b.c"))).isEmpty();
        assertThat(CredentialShape.JIRA.validate(new CredentialFields("tok", "https://jira.example.com", null))).isEmpty();
        assertThat(fields(CredentialShape.JIRA.validate(new CredentialFields("tok", "https://x", "not-an-email"))))
                .containsExactly("email");
    }

    @Test
    void kubeconfigMustParseAndHaveClustersAndContexts() {
        assertThat(CredentialShape.KUBECONFIG.validate(new CredentialFields(KUBECONFIG, null, null))).isEmpty();
        assertThat(fields(CredentialShape.KUBECONFIG.validate(new CredentialFields("{not: [yaml", null, null))))
                .containsExactly("token");
        assertThat(fields(CredentialShape.KUBECONFIG.validate(new CredentialFields("just a string", null, null))))
                .containsExactly("token");
        assertThat(fields(CredentialShape.KUBECONFIG.validate(new CredentialFields("clusters: []\ncontexts: []", null, null))))
                .containsExactly("token");
        // A base64 blob is not silently decoded: it is not a kubeconfig.
        String b64 = java.util.Base64.getEncoder().encodeToString(KUBECONFIG.getBytes());
        assertThat(fields(CredentialShape.KUBECONFIG.validate(new CredentialFields(b64, null, null)))).containsExactly("token");
    }

    @Test
    void googleMustBeAuthorizedUserOrServiceAccount() {
        String user = "{\"type\":\"authorized_user\",\"client_id\":\"id\",\"client_secret\":\"s\",\"refresh_token\":\"r\"}";
        String sa = "{\"type\":\"service_account\",\"client_email\":\"a@b.iam.gserviceaccount.com\",\"private_key\":\"k\"}";
        assertThat(CredentialShape.GOOGLE.validate(new CredentialFields(user, null, null))).isEmpty();
        assertThat(CredentialShape.GOOGLE.validate(new CredentialFields(sa, null, "subject@example.com"))).isEmpty();
        assertThat(CredentialShape.GOOGLE.validate(new CredentialFields("{\"type\":\"external_account\"}", null, null)))
                .extracting(FieldProblem::message).singleElement().asString().contains("authorized_user");
        assertThat(CredentialShape.GOOGLE.validate(new CredentialFields("{\"type\":\"authorized_user\"}", null, null)))
                .hasSize(3);
        assertThat(fields(CredentialShape.GOOGLE.validate(new CredentialFields("ya29.not-json", null, null))))
                .containsExactly("token");
    }

    @Test
    void problemsNeverEchoTheSecret() {
        String secret = "super-secret-value-123";
        List<FieldProblem> problems = CredentialShape.KUBECONFIG.validate(new CredentialFields(secret, null, null));
        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.message()).doesNotContain(secret));
    }

    @Test
    void patchValidationIgnoresTheAbsentToken() {
        assertThat(CredentialShape.JIRA.validateWithoutToken(new CredentialFields(null, "https://x", null))).isEmpty();
        assertThat(fields(CredentialShape.JIRA.validateWithoutToken(new CredentialFields(null, "gopher://x", null))))
                .containsExactly("url");
    }
}
