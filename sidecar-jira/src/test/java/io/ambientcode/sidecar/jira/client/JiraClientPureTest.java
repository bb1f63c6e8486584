package io.ambientcode.sidecar.jira.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.sidecar.credential.CredentialUnavailableException;
import io.ambientcode.sidecar.jira.JiraConfig.Deployment;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JiraClientPureTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theApiVersionFollowsTheAuthModeUnlessConfigured() {
        Optional<String> url = Optional.of("https://jira.example.com/jira/");
        assertThat(JiraSite.of(url, true, Deployment.AUTO)).isEqualTo(
                new JiraSite(java.net.URI.create("https://jira.example.com/jira"), 3, true));
        assertThat(JiraSite.of(url, false, Deployment.AUTO).api()).isEqualTo("https://jira.example.com/jira/rest/api/2");
        assertThat(JiraSite.of(url, false, Deployment.CLOUD).apiVersion()).isEqualTo(3);
        assertThat(JiraSite.of(url, true, Deployment.SERVER).cloud()).isFalse();
        assertThat(JiraSite.of(url, true, Deployment.AUTO).browse("P-1")).isEqualTo("https://jira.example.com/jira/browse/P-1");
        assertThatThrownBy(() -> JiraSite.of(Optional.empty(), true, Deployment.AUTO))
                .isInstanceOf(CredentialUnavailableException.class).hasMessageContaining("no url");
    }

    @Test
    void errorPayloadsAreReadWithoutEchoingForeignBodies() {
        assertThat(JiraErrors.message("{\"errorMessages\":[\"a\",\" \"],\"errors\":{\"f\":\"bad\"}}")).contains("a; f: bad");
        assertThat(JiraErrors.message("{\"message\":\"Client must be authenticated\"}")).contains("Client must be authenticated");
        assertThat(JiraErrors.message("<html>secret page</html>")).isEmpty();
        assertThat(JiraErrors.message("")).isEmpty();
        assertThat(JiraErrors.toException(401, "", Optional.empty()).getMessage())
                .isEqualTo("unauthorized (the credential was refused)");
        assertThat(JiraErrors.toException(429, "{}", Optional.empty()).getMessage()).isEqualTo("rate limit exceeded; retry later");
    }

    @Test
    void adfRoundTripsParagraphsListsHeadingsAndCode() {
        String text = "# Title\nfirst line\nsecond line\n\n- a\n- b\n\n1. one\n2. two\n\n```java\nint x = 1;\n```";
        JsonNode doc = Adf.fromText(text);
        assertThat(doc.path("type").asText()).isEqualTo("doc");
        assertThat(doc.path("version").asInt()).isEqualTo(1);
        assertThat(doc.path("content")).extracting(n -> n.path("type").asText())
                .containsExactly("heading", "paragraph", "bulletList", "orderedList", "codeBlock");
        assertThat(doc.path("content").get(1).path("content").get(1).path("type").asText()).isEqualTo("hardBreak");
        assertThat(doc.path("content").get(4).path("attrs").path("language").asText()).isEqualTo("java");
        assertThat(Adf.toText(doc)).isEqualTo("Title\nfirst line\nsecond line\n- a\n- b\n1. one\n2. two\n```\nint x = 1;\n```");
        assertThat(Adf.toText(Adf.fromText(""))).isEmpty();
    }

    @Test
    void adfRendersMentionsAndCards() throws Exception {
        JsonNode doc = JSON.readTree("{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"ping \"},{\"type\":\"mention\",\"attrs\":{\"text\":\"@Ann\"}},"
                + "{\"type\":\"text\",\"text\":\" see \"},{\"type\":\"inlineCard\",\"attrs\":{\"url\":\"https://x/y\"}}]}]}");
        assertThat(Adf.toText(doc)).isEqualTo("ping @Ann see https://x/y");
    }

    @Test
    void slimmingDropsPlumbingAndRendersDocuments() throws Exception {
        JsonNode issue = JSON.readTree("{\"self\":\"u\",\"expand\":\"x\",\"key\":\"P-1\",\"fields\":{\"assignee\":{\"avatarUrls\":{},"
                + "\"displayName\":\"A\"},\"description\":{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}]},\"labels\":[\"l\"]}}");
        assertThat(JiraJson.slim(issue).toString())
                .isEqualTo("{\"key\":\"P-1\",\"fields\":{\"assignee\":{\"displayName\":\"A\"},\"description\":\"hi\",\"labels\":[\"l\"]}}");
    }

    @Test
    void accountIdsAreRecognised() {
        assertThat(JiraUsers.accountId("5b10ac8d82e05b22cc7d4ef5")).contains("5b10ac8d82e05b22cc7d4ef5");
        assertThat(JiraUsers.accountId("557058:f58131cb-b67d-43c7-b30d-6b58d40bd077")).isPresent();
        assertThat(JiraUsers.accountId("accountid:abc")).contains("abc");
        assertThat(JiraUsers.accountId("AccountId:abc")).contains("abc");
        assertThat(JiraUsers.accountId("dev@example.com")).isEmpty();
        assertThat(JiraUsers.accountId("Dev Eloper")).isEmpty();
    }

    @Test
    void basicAuthForCloudBearerForServer() {
        var cloud = new io.ambientcode.sidecar.credential.Credential("c", "jira", "tok123", Optional.of("https://x"),
                Optional.of("a@b.c"), Optional.empty(), java.time.Instant.now());
        var server = new io.ambientcode.sidecar.credential.Credential("c", "jira", "tok123", Optional.of("https://x"),
                Optional.empty(), Optional.empty(), java.time.Instant.now());
        assertThat(JiraAuth.header(cloud)).isEqualTo("Basic " + java.util.Base64.getEncoder()
                .encodeToString("a@b.c:tok123".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(JiraAuth.header(server)).isEqualTo("Bearer tok123");
        assertThat(new io.ambientcode.sidecar.jira.JiraModule().secretFragments(cloud))
                .containsExactly(JiraAuth.basicCredentials("a@b.c", "tok123"), JiraAuth.header(cloud));
        assertThat(new io.ambientcode.sidecar.jira.JiraModule().secretFragments(server)).isEmpty();
    }
}
