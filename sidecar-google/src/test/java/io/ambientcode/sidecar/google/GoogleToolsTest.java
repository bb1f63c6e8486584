package io.ambientcode.sidecar.google;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.ambientcode.sidecar.google.support.GoogleWorld.google;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.ambientcode.sidecar.google.support.GoogleTestBase;
import io.ambientcode.sidecar.google.support.GoogleWorld;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 1 for Google: every Gmail and Drive tool called through MCP against WireMock, asserting the request
 * Google receives (method, path, query, body, bearer access token) and the result; Google's error payloads become
 * tool errors with the status and Google's message.
 */
@QuarkusTest
@QuarkusTestResource(value = GoogleWorld.class, restrictToAnnotatedClass = false)
class GoogleToolsTest extends GoogleTestBase {

    @BeforeEach
    void cleanGoogle() {
        google.resetAll();
        GoogleWorld.stubTokenEndpoint(3600);
    }

    static void stub(MappingBuilder m, String body) {
        google.stubFor(m.willReturn(okJson(body)));
    }

    static String b64url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The RFC 5322 message inside a Gmail {@code raw}, decoded. */
    static String rawMessage(LoggedRequest request, String... path) throws Exception {
        JsonNode body = JSON.readTree(request.getBodyAsString());
        for (String p : path) {
            body = body.path(p);
        }
        return new String(Base64.getUrlDecoder().decode(body.path("raw").asText()), StandardCharsets.UTF_8);
    }

    static String mimeBody(String message) {
        String encoded = message.substring(message.indexOf("\r\n\r\n") + 4).replaceAll("\\s", "");
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    @Test
    void searchGmailMessages() throws Exception {
        stub(get(urlPathEqualTo(GMAIL + "/messages")), "{\"messages\":[{\"id\":\"m1\",\"threadId\":\"t1\"}],"
                + "\"nextPageToken\":\"p2\",\"resultSizeEstimate\":1}");
        JsonNode result = ok("search_gmail_messages", Map.of("query", "from:ann is:unread", "page_size", 5,
                "page_token", "p1", "user_google_email", "ignored@example.com"));
        verify(getRequestedFor(urlPathEqualTo(GMAIL + "/messages")).withQueryParam("q", equalTo("from:ann is:unread"))
                .withQueryParam("maxResults", equalTo("5")).withQueryParam("pageToken", equalTo("p1")));
        assertThat(result.path("messages").get(0).path("message_id").asText()).isEqualTo("m1");
        assertThat(result.path("messages").get(0).path("thread_id").asText()).isEqualTo("t1");
        assertThat(result.path("next_page_token").asText()).isEqualTo("p2");
        assertThat(error("search_gmail_messages", Map.of("query", "x", "page_size", 0)))
                .isEqualTo("invalid argument: page_size must be between 1 and 500");
    }

    @Test
    void getGmailMessageContentReadsHeadersBodyAndAttachments() throws Exception {
        stub(get(urlPathEqualTo(GMAIL + "/messages/m1")), "{\"id\":\"m1\",\"threadId\":\"t1\",\"labelIds\":[\"INBOX\"],"
                + "\"payload\":{\"mimeType\":\"multipart/mixed\",\"headers\":[{\"name\":\"Subject\",\"value\":\"Plan\"},"
                + "{\"name\":\"From\",\"value\":\"Ann <ann@example.com>\"},{\"name\":\"To\",\"value\":\"me@example.com\"},"
                + "{\"name\":\"Date\",\"value\":\"Mon, 1 Jun 2026 10:00:00 +0000\"},{\"name\":\"Message-ID\",\"value\":\"<a@b>\"}],"
                + "\"parts\":[{\"mimeType\":\"multipart/alternative\",\"parts\":["
                + "{\"mimeType\":\"text/plain\",\"body\":{\"data\":\"" + b64url("Hello Ann,\nthe plan.") + "\"}},"
                + "{\"mimeType\":\"text/html\",\"body\":{\"data\":\"" + b64url("<p>Hello Ann,</p>") + "\"}}]},"
                + "{\"mimeType\":\"application/pdf\",\"filename\":\"plan.pdf\",\"body\":{\"attachmentId\":\"att1\",\"size\":42}}]}}");
        JsonNode result = ok("get_gmail_message_content", Map.of("message_id", "m1"));
        verify(getRequestedFor(urlPathEqualTo(GMAIL + "/messages/m1")).withQueryParam("format", equalTo("full")));
        assertThat(result.path("subject").asText()).isEqualTo("Plan");
        assertThat(result.path("from").asText()).isEqualTo("Ann <ann@example.com>");
        assertThat(result.path("message_id_header").asText()).isEqualTo("<a@b>");
        assertThat(result.path("body").asText()).isEqualTo("Hello Ann,\nthe plan.");
        assertThat(result.path("attachments").get(0).path("filename").asText()).isEqualTo("plan.pdf");
        assertThat(result.path("attachments").get(0).path("attachmentId").asText()).isEqualTo("att1");
        assertThat(result.path("labels").get(0).asText()).isEqualTo("INBOX");

        stub(get(urlPathEqualTo(GMAIL + "/messages/m2")), "{\"id\":\"m2\",\"payload\":{\"mimeType\":\"text/html\","
                + "\"body\":{\"data\":\"" + b64url("<html><style>x{}</style><b>Only</b> HTML &amp; more</html>") + "\"}}}");
        assertThat(ok("get_gmail_message_content", Map.of("message_id", "m2")).path("body").asText())
                .isEqualTo("Only HTML & more");
        assertThat(error("get_gmail_message_content", Map.of("message_id", "../labels")))
                .isEqualTo("invalid argument: message_id '../labels' is not a Google id");
    }

    @Test
    void batchReportsEachMessageAndFailuresInPlace() throws Exception {
        stub(get(urlPathEqualTo(GMAIL + "/messages/m1")), "{\"id\":\"m1\",\"payload\":{\"headers\":[{\"name\":\"Subject\","
                + "\"value\":\"One\"}]}}");
        google.stubFor(get(urlPathEqualTo(GMAIL + "/messages/m2")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"code\":404,\"message\":"
                        + "\"Requested entity was not found.\",\"errors\":[{\"reason\":\"notFound\"}],\"status\":\"NOT_FOUND\"}}")));
        JsonNode result = ok("get_gmail_messages_content_batch", Map.of("message_ids", List.of("m1", "m2"),
                "format", "metadata"));
        verify(getRequestedFor(urlPathEqualTo(GMAIL + "/messages/m1")).withQueryParam("format", equalTo("metadata"))
                .withQueryParam("metadataHeaders", equalTo("Subject")).withQueryParam("metadataHeaders", equalTo("Message-ID")));
        assertThat(result.path("count").asInt()).isEqualTo(2);
        assertThat(result.path("messages").get(0).path("subject").asText()).isEqualTo("One");
        assertThat(result.path("messages").get(0).has("body")).isFalse();
        assertThat(result.path("messages").get(1).path("error").asText())
                .isEqualTo("Google API error 404: Requested entity was not found. (notFound)");
        assertThat(error("get_gmail_messages_content_batch", Map.of("message_ids", List.of())))
                .isEqualTo("invalid argument: message_ids must hold 1 to 50 ids");
    }

    @Test
    void sendGmailMessageBuildsTheRawMessage() throws Exception {
        stub(post(urlPathEqualTo(GMAIL + "/messages/send")), "{\"id\":\"s1\",\"threadId\":\"t9\"}");
        JsonNode result = ok("send_gmail_message", Map.of("to", "ann@example.com", "subject", "Grüße",
                "body", "Hi Ann\nsee you", "cc", "bob@example.com", "thread_id", "t9", "in_reply_to", "<a@b>",
                "references", "<a@b>"));
        List<LoggedRequest> sent = google.findAll(postRequestedFor(urlPathEqualTo(GMAIL + "/messages/send")));
        assertThat(sent).hasSize(1);
        verify(postRequestedFor(urlPathEqualTo(GMAIL + "/messages/send")).withRequestBody(matching(".*\"threadId\":\"t9\".*")));
        String message = rawMessage(sent.get(0));
        assertThat(message).contains("To: ann@example.com\r\n").contains("Cc: bob@example.com\r\n")
                .contains("Subject: =?UTF-8?B?" + Base64.getEncoder().encodeToString("Re: Grüße".getBytes(StandardCharsets.UTF_8))
                        + "?=\r\n")
                .contains("In-Reply-To: <a@b>\r\n").contains("References: <a@b>\r\n")
                .contains("Content-Type: text/plain; charset=\"UTF-8\"\r\n").doesNotContain("Bcc:");
        assertThat(mimeBody(message)).isEqualTo("Hi Ann\nsee you");
        assertThat(result.path("message_id").asText()).isEqualTo("s1");

        assertThat(error("send_gmail_message", Map.of("to", "ann@example.com\r\nBcc: eve@example.com", "subject", "x",
                "body", "y"))).isEqualTo("invalid argument: to must not contain line breaks");
        assertThat(error("send_gmail_message", Map.of("to", "a@example.com", "subject", "x", "body", "y",
                "body_format", "rtf"))).isEqualTo("invalid argument: body_format must be 'plain' or 'html'");
    }

    @Test
    void draftGmailMessage() throws Exception {
        stub(post(urlPathEqualTo(GMAIL + "/drafts")), "{\"id\":\"d1\",\"message\":{\"id\":\"m7\"}}");
        JsonNode result = ok("draft_gmail_message", Map.of("subject", "Draft", "body", "<b>bold</b>",
                "body_format", "html", "to", "ann@example.com"));
        LoggedRequest request = google.findAll(postRequestedFor(urlPathEqualTo(GMAIL + "/drafts"))).get(0);
        verify(postRequestedFor(urlPathEqualTo(GMAIL + "/drafts")));
        String message = rawMessage(request, "message");
        assertThat(message).contains("Subject: Draft\r\n").contains("Content-Type: text/html; charset=\"UTF-8\"");
        assertThat(mimeBody(message)).isEqualTo("<b>bold</b>");
        assertThat(result.path("draft_id").asText()).isEqualTo("d1");
        assertThat(result.path("message_id").asText()).isEqualTo("m7");
    }

    @Test
    void labelsAreListedAndModified() throws Exception {
        stub(get(urlPathEqualTo(GMAIL + "/labels")), "{\"labels\":[{\"id\":\"INBOX\",\"name\":\"INBOX\",\"type\":\"system\"},"
                + "{\"id\":\"Label_1\",\"name\":\"Projects\",\"type\":\"user\"}]}");
        assertThat(ok("list_gmail_labels", Map.of()).path("labels").findValuesAsText("name")).containsExactly("INBOX", "Projects");
        verify(getRequestedFor(urlPathEqualTo(GMAIL + "/labels")));

        stub(post(urlPathEqualTo(GMAIL + "/messages/m1/modify")), "{\"id\":\"m1\",\"labelIds\":[\"STARRED\"]}");
        JsonNode result = ok("modify_gmail_message_labels", Map.of("message_id", "m1", "add_label_ids", List.of("STARRED"),
                "remove_label_ids", List.of("INBOX")));
        verify(postRequestedFor(urlPathEqualTo(GMAIL + "/messages/m1/modify"))
                .withRequestBody(equalToJson("{\"addLabelIds\":[\"STARRED\"],\"removeLabelIds\":[\"INBOX\"]}")));
        assertThat(result.path("labels").get(0).asText()).isEqualTo("STARRED");
        assertThat(error("modify_gmail_message_labels", Map.of("message_id", "m1")))
                .isEqualTo("invalid argument: give add_label_ids or remove_label_ids");
    }

    @Test
    void searchDriveFilesWrapsFreeTextAndKeepsDriveQueries() throws Exception {
        stub(get(urlPathEqualTo(DRIVE + "/files")), "{\"files\":[{\"id\":\"f1\",\"name\":\"Plan\",\"mimeType\":\"text/plain\"}],"
                + "\"nextPageToken\":\"n2\"}");
        JsonNode result = ok("search_drive_files", Map.of("query", "quarterly plan's", "page_size", 5));
        verify(getRequestedFor(urlPathEqualTo(DRIVE + "/files"))
                .withQueryParam("q", equalTo("fullText contains 'quarterly plan\\'s'"))
                .withQueryParam("pageSize", equalTo("5")).withQueryParam("supportsAllDrives", equalTo("true"))
                .withQueryParam("includeItemsFromAllDrives", equalTo("true"))
                .withQueryParam("fields", equalTo("nextPageToken,files(id,name,mimeType,size,modifiedTime,webViewLink)")));
        assertThat(result.path("files").get(0).path("id").asText()).isEqualTo("f1");
        assertThat(result.path("next_page_token").asText()).isEqualTo("n2");

        google.resetRequests();
        ok("search_drive_files", Map.of("query", "name contains 'plan' and trashed = false", "drive_id", "0AbCd",
                "order_by", "modifiedTime desc"));
        verify(getRequestedFor(urlPathEqualTo(DRIVE + "/files"))
                .withQueryParam("q", equalTo("name contains 'plan' and trashed = false"))
                .withQueryParam("driveId", equalTo("0AbCd")).withQueryParam("corpora", equalTo("drive"))
                .withQueryParam("orderBy", equalTo("modifiedTime desc")));
    }

    @Test
    void listDriveItemsOfAFolder() throws Exception {
        stub(get(urlPathEqualTo(DRIVE + "/files")), "{\"files\":[{\"id\":\"x\",\"name\":\"Sub\"}]}");
        JsonNode result = ok("list_drive_items", Map.of());
        verify(getRequestedFor(urlPathEqualTo(DRIVE + "/files"))
                .withQueryParam("q", equalTo("'root' in parents and trashed = false"))
                .withQueryParam("pageSize", equalTo("100")));
        assertThat(result.path("files").get(0).path("name").asText()).isEqualTo("Sub");
        assertThat(result.has("next_page_token")).isFalse();
        assertThat(error("list_drive_items", Map.of("folder_id", "x' or 'a' in parents")))
                .startsWith("invalid argument: folder_id");
    }

    @Test
    void driveFileContentExportsDocsAndSheetsAsText() {
        String meta = "{\"id\":\"%s\",\"name\":\"%s\",\"mimeType\":\"%s\",\"webViewLink\":\"https://docs/%s\"}";
        stub(get(urlPathEqualTo(DRIVE + "/files/doc1")), meta.formatted("doc1", "Plan", "application/vnd.google-apps.document", "doc1"));
        google.stubFor(get(urlPathEqualTo(DRIVE + "/files/doc1/export")).willReturn(aResponse().withBody("Doc text")));
        assertThat(okText("get_drive_file_content", Map.of("file_id", "doc1"))).isEqualTo("File: \"Plan\" (ID: doc1, Type: "
                + "application/vnd.google-apps.document)\nLink: https://docs/doc1\n\n--- CONTENT ---\nDoc text");
        verify(getRequestedFor(urlPathEqualTo(DRIVE + "/files/doc1/export")).withQueryParam("mimeType", equalTo("text/plain")));
        verify(getRequestedFor(urlPathEqualTo(DRIVE + "/files/doc1")).withQueryParam("supportsAllDrives", equalTo("true")));

        stub(get(urlPathEqualTo(DRIVE + "/files/sheet1")), meta.formatted("sheet1", "Budget", "application/vnd.google-apps.spreadsheet", "s"));
        google.stubFor(get(urlPathEqualTo(DRIVE + "/files/sheet1/export")).willReturn(aResponse().withBody("a,b\n1,2\n")));
        assertThat(okText("get_drive_file_content", Map.of("file_id", "sheet1"))).endsWith("--- CONTENT ---\na,b\n1,2\n");
        verify(getRequestedFor(urlPathEqualTo(DRIVE + "/files/sheet1/export")).withQueryParam("mimeType", equalTo("text/csv")));

        stub(get(urlPathEqualTo(DRIVE + "/files/txt1")).withQueryParam("fields", matching(".+")),
                meta.formatted("txt1", "notes.md", "text/markdown", "t"));
        google.stubFor(get(urlPathEqualTo(DRIVE + "/files/txt1")).withQueryParam("alt", equalTo("media"))
                .willReturn(aResponse().withBody("# Notes ✓")));
        assertThat(okText("get_drive_file_content", Map.of("file_id", "txt1"))).endsWith("--- CONTENT ---\n# Notes ✓");

        stub(get(urlPathEqualTo(DRIVE + "/files/bin1")).withQueryParam("fields", matching(".+")),
                meta.formatted("bin1", "photo.png", "image/png", "b"));
        google.stubFor(get(urlPathEqualTo(DRIVE + "/files/bin1")).withQueryParam("alt", equalTo("media"))
                .willReturn(aResponse().withBody(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff })));
        assertThat(okText("get_drive_file_content", Map.of("file_id", "bin1")))
                .endsWith("[Binary content of type 'image/png', 6 bytes; not shown]");

        stub(get(urlPathEqualTo(DRIVE + "/files/draw1")), meta.formatted("draw1", "D", "application/vnd.google-apps.drawing", "d"));
        assertThat(error("get_drive_file_content", Map.of("file_id", "draw1")))
                .isEqualTo("invalid argument: a application/vnd.google-apps.drawing cannot be exported as text");
    }

    @Test
    void createDriveFileUploadsMetadataAndContent() throws Exception {
        stub(post(urlPathEqualTo("/upload" + DRIVE + "/files")), "{\"id\":\"new1\",\"name\":\"notes.txt\","
                + "\"mimeType\":\"text/plain\",\"webViewLink\":\"https://drive/new1\"}");
        JsonNode result = ok("create_drive_file", Map.of("file_name", "notes.txt", "content", "line 1\nline 2",
                "folder_id", "folder9"));
        verify(postRequestedFor(urlPathEqualTo("/upload" + DRIVE + "/files")).withQueryParam("uploadType", equalTo("multipart"))
                .withQueryParam("supportsAllDrives", equalTo("true"))
                .withHeader("Content-Type", containing("multipart/related; boundary=ambient-"))
                .withRequestBody(containing("{\"name\":\"notes.txt\",\"parents\":[\"folder9\"]}"))
                .withRequestBody(containing("Content-Type: text/plain; charset=UTF-8\r\n\r\nline 1\nline 2\r\n")));
        assertThat(result.path("message").asText()).isEqualTo("File created");
        assertThat(result.path("id").asText()).isEqualTo("new1");

        google.resetRequests();
        ok("create_drive_file", Map.of("file_name", "Plan", "content", "hello", "mime_type",
                "application/vnd.google-apps.document"));
        verify(postRequestedFor(urlPathEqualTo("/upload" + DRIVE + "/files")).withRequestBody(containing(
                "{\"name\":\"Plan\",\"parents\":[\"root\"],\"mimeType\":\"application/vnd.google-apps.document\"}")));
    }

    @Test
    void googleErrorPayloadsBecomeReadableToolErrors() {
        google.stubFor(get(urlPathEqualTo(DRIVE + "/files/gone")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"code\":404,\"message\":"
                        + "\"File not found: gone.\",\"errors\":[{\"message\":\"File not found: gone.\",\"reason\":\"notFound\"}]}}")));
        assertThat(error("get_drive_file_content", Map.of("file_id", "gone")))
                .isEqualTo("Google API error 404: File not found: gone. (notFound)");

        google.stubFor(get(urlPathEqualTo(GMAIL + "/labels")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "7").withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":429,\"message\":\"Quota exceeded\",\"errors\":[{\"reason\":\"rateLimitExceeded\"}]}}")));
        assertThat(error("list_gmail_labels", Map.of()))
                .isEqualTo("Google API error 429: rate limit exceeded (Quota exceeded (rateLimitExceeded)); retry after 7 s");

        google.stubFor(post(urlPathEqualTo(GMAIL + "/messages/send")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"code\":403,\"message\":"
                        + "\"Request had insufficient authentication scopes.\",\"status\":\"PERMISSION_DENIED\"}}")));
        assertThat(error("send_gmail_message", Map.of("to", "a@example.com", "subject", "s", "body", "b")))
                .isEqualTo("Google API error 403: Request had insufficient authentication scopes.");

        google.stubFor(get(urlPathEqualTo(DRIVE + "/files")).willReturn(aResponse().withStatus(503)
                .withBody("<html>upstream connect error 10.1.2.3</html>")));
        assertThat(error("list_drive_items", Map.of())).isEqualTo("Google API error 503: Google server error");
    }
}
