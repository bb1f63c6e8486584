package io.ambientcode.sidecar.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.ambientcode.sidecar.jira.support.JiraWorld.jira;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.ambientcode.sidecar.jira.client.Adf;
import io.ambientcode.sidecar.jira.support.JiraTestBase;
import io.ambientcode.sidecar.jira.support.JiraWorld;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 1 for both Jira dialects: every tool called through MCP against WireMock as the Jira site, asserting
 * the request Jira receives (method, API version path, query, body, Authorization) and the tool's result; Jira's
 * error payloads become tool errors with the status and Jira's words. {@link CloudJiraToolsTest} runs it with a Cloud
 * credential (email + API token: Basic, {@code /rest/api/3}, ADF), {@link ServerJiraToolsTest} with a Server/DC PAT
 * (Bearer, {@code /rest/api/2}, plain strings).
 */
abstract class JiraToolsContract extends JiraTestBase {

    static final String ACCOUNT = "5b10ac8d82e05b22cc7d4ef5";

    abstract boolean cloud();

    @BeforeEach
    void flavorAndCleanJira() throws Exception {
        useCloud(cloud());
        jira.resetAll();
    }

    static void stub(MappingBuilder m, String body) {
        jira.stubFor(m.willReturn(okJson(body)));
    }

    /** Rich text as this dialect sends it: an ADF document (Cloud) or the string (Server/DC). */
    static String richJson(String text) {
        return JiraWorld.cloud ? Adf.fromText(text).toString() : JSON.valueToTree(text).toString();
    }

    static String richResponse(String text) {
        return richJson(text);
    }

    String site() {
        return jira.baseUrl();
    }

    @Test
    void getIssueAsksForTheFieldsAndTrimsCommentsAndNoise() throws Exception {
        StringBuilder comments = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            comments.append(i > 1 ? "," : "").append("{\"id\":\"").append(i).append("\",\"self\":\"http://x/").append(i)
                    .append("\",\"body\":").append(richResponse("comment " + i)).append('}');
        }
        stub(get(urlPathEqualTo(api() + "/issue/PROJ-1")), "{\"id\":\"10001\",\"key\":\"PROJ-1\",\"self\":\"http://x\","
                + "\"fields\":{\"summary\":\"Fix it\",\"description\":" + richResponse("line one\nline two")
                + ",\"status\":{\"name\":\"Open\",\"iconUrl\":\"http://x/i.png\"},\"comment\":{\"total\":12,\"comments\":["
                + comments + "]}}}");
        JsonNode issue = ok("jira_get_issue", Map.of("issue_key", "PROJ-1", "comment_limit", 2, "expand", "changelog"));
        verify(getRequestedFor(urlPathEqualTo(api() + "/issue/PROJ-1"))
                .withQueryParam("fields", equalTo(
                        "summary,description,status,assignee,reporter,labels,versions,priority,created,updated,issuetype,comment"))
                .withQueryParam("expand", equalTo("changelog"))
                .withQueryParam("updateHistory", equalTo("true")));
        assertThat(issue.path("key").asText()).isEqualTo("PROJ-1");
        assertThat(issue.path("url").asText()).isEqualTo(site() + "/browse/PROJ-1");
        assertThat(issue.path("fields").path("description").asText()).isEqualTo("line one\nline two");
        assertThat(issue.path("fields").path("comment").path("comments")).hasSize(2);
        assertThat(issue.path("fields").path("comment").path("comments").get(1).path("body").asText()).isEqualTo("comment 12");
        assertThat(issue.toString()).doesNotContain("\"self\"").doesNotContain("iconUrl");

        jira.resetRequests();
        JsonNode bare = ok("jira_get_issue", Map.of("issue_key", "PROJ-1", "fields", "summary", "comment_limit", 0,
                "update_history", false));
        verify(getRequestedFor(urlPathEqualTo(api() + "/issue/PROJ-1")).withQueryParam("fields", equalTo("summary"))
                .withQueryParam("updateHistory", equalTo("false")));
        assertThat(bare.path("fields").has("comment")).isFalse();
    }

    @Test
    void searchUsesTheDialectsEndpointAndNarrowsToProjects() throws Exception {
        String answer = "{\"issues\":[{\"id\":\"1\",\"key\":\"A-1\",\"fields\":{\"summary\":\"s\"}}],"
                + (JiraWorld.cloud ? "\"nextPageToken\":\"page-2\"" : "\"total\":31,\"startAt\":10,\"maxResults\":5") + "}";
        String expectedJql = "(status = Open) AND (project IN (\"ALPHA\", \"BETA\")) ORDER BY created DESC";
        if (JiraWorld.cloud) {
            stub(post(urlPathEqualTo(api() + "/search/jql")), answer);
        } else {
            stub(get(urlPathEqualTo(api() + "/search")), answer);
        }
        JsonNode result = ok("jira_search", Map.of("jql", "status = Open ORDER BY created DESC", "fields", "summary,status",
                "limit", 5, "start_at", 10, "projects_filter", "ALPHA, BETA", "page_token", "page-1"));
        if (JiraWorld.cloud) {
            verify(postRequestedFor(urlPathEqualTo(api() + "/search/jql")).withRequestBody(equalToJson(
                    "{\"jql\":" + JSON.valueToTree(expectedJql) + ",\"fields\":[\"summary\",\"status\"],\"maxResults\":5,"
                            + "\"nextPageToken\":\"page-1\"}")));
            assertThat(result.path("next_page_token").asText()).isEqualTo("page-2");
            assertThat(result.path("total").asInt()).isEqualTo(-1);
        } else {
            verify(getRequestedFor(urlPathEqualTo(api() + "/search")).withQueryParam("jql", equalTo(expectedJql))
                    .withQueryParam("startAt", equalTo("10")).withQueryParam("maxResults", equalTo("5"))
                    .withQueryParam("fields", equalTo("summary,status")));
            assertThat(result.path("total").asInt()).isEqualTo(31);
            assertThat(result.path("start_at").asInt()).isEqualTo(10);
        }
        assertThat(result.path("issues").get(0).path("url").asText()).isEqualTo(site() + "/browse/A-1");
        assertThat(error("jira_search", Map.of("jql", "x", "limit", 51))).isEqualTo("invalid argument: limit must be between 1 and 50");
    }

    @Test
    void projectIssuesAreAProjectSearchNewestFirst() throws Exception {
        stub(JiraWorld.cloud ? post(urlPathEqualTo(api() + "/search/jql")) : get(urlPathEqualTo(api() + "/search")),
                "{\"issues\":[{\"key\":\"PROJ-7\"}],\"total\":1}");
        JsonNode result = ok("jira_get_project_issues", Map.of("project_key", "PROJ", "limit", 3));
        assertThat(result.path("issues").get(0).path("key").asText()).isEqualTo("PROJ-7");
        String jql = "project = \"PROJ\" ORDER BY created DESC";
        if (JiraWorld.cloud) {
            verify(postRequestedFor(urlPathEqualTo(api() + "/search/jql"))
                    .withRequestBody(equalToJson("{\"jql\":" + JSON.valueToTree(jql) + ",\"maxResults\":3}", true, true)));
        } else {
            verify(getRequestedFor(urlPathEqualTo(api() + "/search")).withQueryParam("jql", equalTo(jql)));
        }
        assertThat(error("jira_get_project_issues", Map.of("project_key", "proj; drop")))
                .startsWith("invalid argument: project_key 'proj; drop' does not look like a Jira key");
    }

    @Test
    void createIssueResolvesTheAssigneeAndShapesTheFields() throws Exception {
        if (JiraWorld.cloud) {
            stub(get(urlPathEqualTo(api() + "/user/search")), "[{\"accountId\":\"other\",\"emailAddress\":\"x@example.com\"},"
                    + "{\"accountId\":\"" + ACCOUNT + "\",\"emailAddress\":\"dev@example.com\"}]");
        }
        stub(post(urlPathEqualTo(api() + "/issue")), "{\"id\":\"10042\",\"key\":\"PROJ-42\",\"self\":\"http://x\"}");
        JsonNode result = ok("jira_create_issue", Map.of("project_key", "PROJ", "summary", "New thing", "issue_type", "Bug",
                "assignee", JiraWorld.cloud ? "dev@example.com" : "jdoe", "description", "Steps:\n- one\n- two",
                "components", "Frontend, API",
                "additional_fields", "{\"priority\":\"High\",\"labels\":[\"x\"],\"parent\":\"PROJ-9\",\"customfield_10010\":7}"));
        String assignee = JiraWorld.cloud ? "{\"accountId\":\"" + ACCOUNT + "\"}" : "{\"name\":\"jdoe\"}";
        verify(postRequestedFor(urlPathEqualTo(api() + "/issue")).withRequestBody(equalToJson("{\"fields\":{"
                + "\"project\":{\"key\":\"PROJ\"},\"summary\":\"New thing\",\"issuetype\":{\"name\":\"Bug\"},"
                + "\"description\":" + richJson("Steps:\n- one\n- two") + ",\"assignee\":" + assignee + ","
                + "\"components\":[{\"name\":\"Frontend\"},{\"name\":\"API\"}],\"priority\":{\"name\":\"High\"},"
                + "\"labels\":[\"x\"],\"parent\":{\"key\":\"PROJ-9\"},\"customfield_10010\":7}}")));
        if (JiraWorld.cloud) {
            verify(getRequestedFor(urlPathEqualTo(api() + "/user/search")).withQueryParam("query", equalTo("dev@example.com")));
        }
        assertThat(result.path("message").asText()).isEqualTo("Issue created successfully");
        assertThat(result.path("issue").path("key").asText()).isEqualTo("PROJ-42");
        assertThat(result.path("issue").path("url").asText()).isEqualTo(site() + "/browse/PROJ-42");
    }

    @Test
    void updateIssueSetsFieldsTransitionsCommentsAndLogsWork() throws Exception {
        String path = api() + "/issue/PROJ-5";
        jira.stubFor(put(urlPathEqualTo(path)).willReturn(aResponse().withStatus(204)));
        stub(get(urlPathEqualTo(path + "/transitions")),
                "{\"transitions\":[{\"id\":\"21\",\"name\":\"In Progress\"},{\"id\":\"31\",\"name\":\"Done\"}]}");
        jira.stubFor(post(urlPathEqualTo(path + "/transitions")).willReturn(aResponse().withStatus(204)));
        stub(post(urlPathEqualTo(path + "/comment")), "{\"id\":\"c1\"}");
        stub(post(urlPathEqualTo(path + "/worklog")), "{\"id\":\"w1\"}");
        stub(get(urlPathEqualTo(path)), "{\"key\":\"PROJ-5\",\"fields\":{\"summary\":\"New\",\"status\":{\"name\":\"Done\"}}}");
        String who = JiraWorld.cloud ? "accountid:" + ACCOUNT : "jdoe";
        JsonNode result = ok("jira_update_issue", Map.of("issue_key", "PROJ-5",
                "fields", "{\"summary\":\"New\",\"description\":\"Body text\",\"assignee\":\"" + who + "\"}",
                "additional_fields", "{\"customfield_1\":\"v\"}", "transition", "done", "comment", "Shipped",
                "worklog", "1h", "worklog_started", "2026-08-01T12:00:00.000+0000", "return_fields", "summary,status"));
        String assignee = JiraWorld.cloud ? "{\"accountId\":\"" + ACCOUNT + "\"}" : "{\"name\":\"jdoe\"}";
        verify(putRequestedFor(urlPathEqualTo(path)).withRequestBody(equalToJson("{\"fields\":{\"summary\":\"New\","
                + "\"description\":" + richJson("Body text") + ",\"assignee\":" + assignee + ",\"customfield_1\":\"v\"}}")));
        verify(postRequestedFor(urlPathEqualTo(path + "/transitions"))
                .withRequestBody(equalToJson("{\"transition\":{\"id\":\"31\"}}")));
        verify(postRequestedFor(urlPathEqualTo(path + "/comment")).withRequestBody(equalToJson(
                "{\"body\":" + richJson("Shipped") + "}")));
        verify(postRequestedFor(urlPathEqualTo(path + "/worklog")).withRequestBody(equalToJson(
                "{\"timeSpent\":\"1h\",\"started\":\"2026-08-01T12:00:00.000+0000\"}")));
        verify(getRequestedFor(urlPathEqualTo(path)).withQueryParam("fields", equalTo("summary,status")));
        assertThat(result.path("message").asText()).isEqualTo("Issue PROJ-5 updated: fields, transition, comment, worklog");
        assertThat(result.path("issue").path("fields").path("status").path("name").asText()).isEqualTo("Done");
        assertThat(error("jira_update_issue", Map.of("issue_key", "PROJ-5"))).startsWith("invalid argument: nothing to update");
        assertThat(error("jira_update_issue", Map.of("issue_key", "PROJ-5", "fields", "{not json")))
                .isEqualTo("invalid argument: fields is not a valid JSON object");
    }

    @Test
    void deleteIssue() throws Exception {
        jira.stubFor(delete(urlPathEqualTo(api() + "/issue/PROJ-3")).willReturn(aResponse().withStatus(204)));
        JsonNode result = ok("jira_delete_issue", Map.of("issue_key", "PROJ-3"));
        verify(deleteRequestedFor(urlPathEqualTo(api() + "/issue/PROJ-3")));
        assertThat(result.path("message").asText()).isEqualTo("Issue PROJ-3 has been deleted successfully.");
    }

    @Test
    void addCommentWithVisibility() throws Exception {
        stub(post(urlPathEqualTo(api() + "/issue/PROJ-1/comment")), "{\"id\":\"100\",\"self\":\"http://x\",\"body\":"
                + richResponse("Looks good") + "}");
        JsonNode result = ok("jira_add_comment", Map.of("issue_key", "PROJ-1", "body", "Looks good",
                "visibility", "{\"type\":\"group\",\"value\":\"jira-users\"}"));
        verify(postRequestedFor(urlPathEqualTo(api() + "/issue/PROJ-1/comment")).withRequestBody(equalToJson(
                "{\"body\":" + richJson("Looks good") + ",\"visibility\":{\"type\":\"group\",\"value\":\"jira-users\"}}")));
        assertThat(result.path("id").asText()).isEqualTo("100");
        assertThat(result.path("body").asText()).isEqualTo("Looks good");
        assertThat(error("jira_add_comment", Map.of("issue_key", "PROJ-1", "body", "x", "visibility", "{\"type\":\"group\"}")))
                .contains("visibility needs");
    }

    @Test
    void addWorklogAdjustsEstimates() throws Exception {
        String path = api() + "/issue/PROJ-1";
        jira.stubFor(put(urlPathEqualTo(path)).willReturn(aResponse().withStatus(204)));
        stub(post(urlPathEqualTo(path + "/worklog")), "{\"id\":\"9\",\"timeSpent\":\"2h\"}");
        JsonNode result = ok("jira_add_worklog", Map.of("issue_key", "PROJ-1", "time_spent", "2h", "comment", "Pairing",
                "original_estimate", "3d", "remaining_estimate", "1d"));
        verify(putRequestedFor(urlPathEqualTo(path)).withRequestBody(equalToJson(
                "{\"fields\":{\"timetracking\":{\"originalEstimate\":\"3d\"}}}")));
        verify(postRequestedFor(urlPathEqualTo(path + "/worklog")).withQueryParam("adjustEstimate", equalTo("new"))
                .withQueryParam("newEstimate", equalTo("1d"))
                .withRequestBody(equalToJson("{\"timeSpent\":\"2h\",\"comment\":" + richJson("Pairing") + "}")));
        assertThat(result.path("worklog").path("id").asText()).isEqualTo("9");
    }

    @Test
    void transitionsAreListedAndAppliedByName() throws Exception {
        String path = api() + "/issue/PROJ-2";
        stub(get(urlPathEqualTo(path + "/transitions")), "{\"transitions\":[{\"id\":\"11\",\"name\":\"To Do\",\"to\":"
                + "{\"name\":\"Open\"}},{\"id\":\"21\",\"name\":\"In Progress\",\"to\":{\"name\":\"In Progress\"}}]}");
        JsonNode list = ok("jira_get_transitions", Map.of("issue_key", "PROJ-2"));
        assertThat(list.toString()).isEqualTo("[{\"id\":\"11\",\"name\":\"To Do\",\"to_status\":\"Open\"},"
                + "{\"id\":\"21\",\"name\":\"In Progress\",\"to_status\":\"In Progress\"}]");

        jira.stubFor(post(urlPathEqualTo(path + "/transitions")).willReturn(aResponse().withStatus(204)));
        stub(get(urlPathEqualTo(path)), "{\"key\":\"PROJ-2\",\"fields\":{\"status\":{\"name\":\"In Progress\"}}}");
        JsonNode result = ok("jira_transition_issue", Map.of("issue_key", "PROJ-2", "transition_id", "in progress",
                "fields", "{\"resolution\":\"Fixed\"}", "comment", "Starting"));
        verify(postRequestedFor(urlPathEqualTo(path + "/transitions")).withRequestBody(equalToJson(
                "{\"transition\":{\"id\":\"21\"},\"fields\":{\"resolution\":{\"name\":\"Fixed\"}},"
                        + "\"update\":{\"comment\":[{\"add\":{\"body\":" + richJson("Starting") + "}}]}}")));
        assertThat(result.path("message").asText()).isEqualTo("Issue PROJ-2 transitioned successfully");
        assertThat(error("jira_transition_issue", Map.of("issue_key", "PROJ-2", "transition_id", "Teleport")))
                .isEqualTo("invalid argument: transition 'Teleport' is not available for PROJ-2; available: 11 (To Do), "
                        + "21 (In Progress)");
    }

    @Test
    void allProjectsWithArchived() throws Exception {
        stub(get(urlPathEqualTo(api() + "/project")), "[{\"id\":\"1\",\"key\":\"proj\",\"name\":\"P\",\"avatarUrls\":{}}]");
        JsonNode result = ok("jira_get_all_projects", Map.of("include_archived", true));
        verify(getRequestedFor(urlPathEqualTo(api() + "/project")).withQueryParam("includeArchived", equalTo("true")));
        assertThat(result.toString()).isEqualTo("[{\"id\":\"1\",\"key\":\"PROJ\",\"name\":\"P\"}]");
    }

    @Test
    void userProfileByEmailIdOrMe() throws Exception {
        stub(get(urlPathEqualTo(api() + "/myself")), "{\"displayName\":\"Me\"}");
        assertThat(ok("jira_get_user_profile", Map.of("user_identifier", "me")).path("user").path("displayName").asText())
                .isEqualTo("Me");
        if (JiraWorld.cloud) {
            stub(get(urlPathEqualTo(api() + "/user")), "{\"accountId\":\"" + ACCOUNT + "\",\"displayName\":\"Dev\"}");
            JsonNode byId = ok("jira_get_user_profile", Map.of("user_identifier", "accountid:" + ACCOUNT));
            verify(getRequestedFor(urlPathEqualTo(api() + "/user")).withQueryParam("accountId", equalTo(ACCOUNT)));
            assertThat(byId.path("success").asBoolean()).isTrue();
            stub(get(urlPathEqualTo(api() + "/user/search")), "[{\"accountId\":\"a\",\"displayName\":\"Dev Eloper\"}]");
            assertThat(ok("jira_get_user_profile", Map.of("user_identifier", "Dev Eloper")).path("user").path("accountId")
                    .asText()).isEqualTo("a");
            verify(getRequestedFor(urlPathEqualTo(api() + "/user/search")).withQueryParam("query", equalTo("Dev Eloper")));
        } else {
            stub(get(urlPathEqualTo(api() + "/user")), "{\"name\":\"jdoe\",\"displayName\":\"J Doe\"}");
            JsonNode byName = ok("jira_get_user_profile", Map.of("user_identifier", "jdoe"));
            verify(getRequestedFor(urlPathEqualTo(api() + "/user")).withQueryParam("username", equalTo("jdoe")));
            assertThat(byName.path("user").path("displayName").asText()).isEqualTo("J Doe");
        }
        jira.stubFor(get(urlPathEqualTo(api() + "/user/search")).willReturn(okJson("[]")));
        assertThat(error("jira_get_user_profile", Map.of("user_identifier", "nobody@example.com")))
                .isEqualTo("Jira API error 404: no Jira user matches 'nobody@example.com'");
    }

    @Test
    void issueLinksAndLinkTypes() throws Exception {
        jira.stubFor(post(urlPathEqualTo(api() + "/issueLink")).willReturn(aResponse().withStatus(201)));
        JsonNode created = ok("jira_create_issue_link", Map.of("link_type", "Blocks", "inward_issue_key", "PROJ-1",
                "outward_issue_key", "PROJ-2", "comment", "Order matters"));
        verify(postRequestedFor(urlPathEqualTo(api() + "/issueLink")).withRequestBody(equalToJson(
                "{\"type\":{\"name\":\"Blocks\"},\"inwardIssue\":{\"key\":\"PROJ-1\"},\"outwardIssue\":{\"key\":\"PROJ-2\"},"
                        + "\"comment\":{\"body\":" + richJson("Order matters") + "}}")));
        assertThat(created.path("success").asBoolean()).isTrue();

        stub(get(urlPathEqualTo(api() + "/issueLinkType")), "{\"issueLinkTypes\":[{\"id\":\"1\",\"name\":\"Blocks\","
                + "\"inward\":\"is blocked by\",\"outward\":\"blocks\"},{\"id\":\"2\",\"name\":\"Duplicate\","
                + "\"inward\":\"is duplicated by\",\"outward\":\"duplicates\"}]}");
        for (String tool : List.of("jira_get_issue_link_types", "jira_get_link_types")) {
            assertThat(ok(tool, Map.of()).findValuesAsText("name")).containsExactly("Blocks", "Duplicate");
            assertThat(ok(tool, Map.of("name_filter", "dup")).findValuesAsText("name")).containsExactly("Duplicate");
        }
    }

    @Test
    void searchFieldsRanksAndCachesTheFieldList() throws Exception {
        stub(get(urlPathEqualTo(api() + "/field")), "[{\"id\":\"summary\",\"name\":\"Summary\",\"custom\":false,"
                + "\"schema\":{\"type\":\"string\"}},{\"id\":\"customfield_10010\",\"name\":\"Story Points\",\"custom\":true,"
                + "\"schema\":{\"type\":\"number\"}},{\"id\":\"customfield_2\",\"name\":\"Sprint\",\"custom\":true}]");
        JsonNode hits = ok("jira_search_fields", Map.of("keyword", "story", "limit", 5));
        assertThat(hits.toString()).isEqualTo(
                "[{\"id\":\"customfield_10010\",\"name\":\"Story Points\",\"custom\":true,\"type\":\"number\"}]");
        assertThat(ok("jira_search_fields", Map.of("keyword", "sp")).findValuesAsText("name")).containsExactly("Sprint",
                "Story Points");
        assertThat(ok("jira_search_fields", Map.of("limit", 2)).findValuesAsText("id")).containsExactly("summary",
                "customfield_10010");
        jira.verify(1, getRequestedFor(urlPathEqualTo(api() + "/field")));
        ok("jira_search_fields", Map.of("keyword", "summary", "refresh", true));
        jira.verify(2, getRequestedFor(urlPathEqualTo(api() + "/field")));
    }

    @Test
    void jiraErrorPayloadsBecomeReadableToolErrors() {
        String path = api() + "/issue/PROJ-404";
        jira.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(404).withHeader("Content-Type",
                "application/json").withBody("{\"errorMessages\":[\"Issue does not exist or you do not have permission to "
                        + "see it.\"],\"errors\":{}}")));
        assertThat(error("jira_get_issue", Map.of("issue_key", "PROJ-404")))
                .isEqualTo("Jira API error 404: Issue does not exist or you do not have permission to see it.");

        jira.stubFor(post(urlPathEqualTo(api() + "/issue")).willReturn(aResponse().withStatus(400).withHeader("Content-Type",
                "application/json").withBody("{\"errorMessages\":[],\"errors\":{\"summary\":\"You must specify a summary "
                        + "of the issue.\",\"issuetype\":\"valid issue type is required\"}}")));
        assertThat(error("jira_create_issue", Map.of("project_key", "PROJ", "summary", " x", "issue_type", "Nope")))
                .isEqualTo("Jira API error 400: summary: You must specify a summary of the issue.; issuetype: valid "
                        + "issue type is required");

        jira.stubFor(get(urlPathEqualTo(api() + "/project")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "30")));
        assertThat(error("jira_get_all_projects", Map.of())).isEqualTo("Jira API error 429: rate limit exceeded; retry after 30 s");

        jira.stubFor(get(urlPathEqualTo(api() + "/issueLinkType")).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Bad gateway at proxy 10.0.0.7</body></html>")));
        assertThat(error("jira_get_issue_link_types", Map.of())).isEqualTo("Jira API error 502: Jira server error");

        jira.stubFor(get(urlPathEqualTo(api() + "/myself")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "https://login.example.com/")));
        assertThat(error("jira_get_user_profile", Map.of("user_identifier", "me")))
                .startsWith("Jira API error 302: Jira answered with a redirect");

        assertThat(error("jira_get_issue", Map.of("issue_key", "../../admin")))
                .startsWith("invalid argument: issue_key '../../admin' does not look like a Jira key");
    }
}
