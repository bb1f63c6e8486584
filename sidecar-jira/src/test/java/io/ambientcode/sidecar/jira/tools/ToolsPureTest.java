package io.ambientcode.sidecar.jira.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ambientcode.sidecar.jira.client.JiraSite;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ToolsPureTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final JiraSite CLOUD = new JiraSite(URI.create("https://x.atlassian.net"), 3, true);
    static final JiraSite SERVER = new JiraSite(URI.create("https://jira.x"), 2, false);

    @Test
    void projectsFilterIsAndedAndKeepsOrderByLast() {
        assertThat(Jql.withProjects("status = Open", List.of("P"))).isEqualTo("(status = Open) AND (project = \"P\")");
        assertThat(Jql.withProjects("status = Open order by rank", List.of("P", "Q")))
                .isEqualTo("(status = Open) AND (project IN (\"P\", \"Q\")) order by rank");
        assertThat(Jql.withProjects("ORDER BY created", List.of("P"))).isEqualTo("project = \"P\" ORDER BY created");
        assertThat(Jql.withProjects("x = 1", List.of())).isEqualTo("x = 1");
        assertThat(Jql.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    }

    @Test
    void fieldValuesAreShapedPerDialect() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("description", "hi");
        in.put("assignee", "ann");
        in.put("priority", "High");
        in.put("fixVersions", "1.0, 2.0");
        in.put("labels", "a,b");
        in.put("epicKey", "P-1");
        in.put("customfield_1", Map.of("value", "x"));
        ObjectNode cloud = IssueFields.normalize(in, CLOUD, who -> JSON.createObjectNode().put("accountId", "id-" + who));
        assertThat(cloud.toString()).isEqualTo("{\"description\":{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":"
                + "\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}]},\"assignee\":{\"accountId\":\"id-ann\"},"
                + "\"priority\":{\"name\":\"High\"},\"fixVersions\":[{\"name\":\"1.0\"},{\"name\":\"2.0\"}],"
                + "\"labels\":[\"a\",\"b\"],\"parent\":{\"key\":\"P-1\"},\"customfield_1\":{\"value\":\"x\"}}");
        ObjectNode server = IssueFields.normalize(Map.of("description", "hi"), SERVER, who -> null);
        assertThat(server.toString()).isEqualTo("{\"description\":\"hi\"}");
        ObjectNode unassign = IssueFields.normalize(Map.of("assignee", ""), CLOUD, who -> null);
        assertThat(unassign.path("assignee").isNull()).isTrue();
    }

    @Test
    void argumentChecks() {
        Pattern key = Pattern.compile("[A-Z][A-Z0-9_]+-\\d+");
        assertThat(Args.key("issue_key", " PROJ-1 ", key)).isEqualTo("PROJ-1");
        assertThatThrownBy(() -> Args.key("issue_key", "PROJ-1/../x", key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Args.jsonObject("fields", "[1]")).hasMessage("fields is not a valid JSON object");
        assertThat(Args.jsonObject("fields", " ")).isEmpty();
        assertThat(Args.csv(" a, ,b ")).containsExactly("a", "b");
        assertThatThrownBy(() -> Args.range("limit", 0, 1, 50, 10)).hasMessage("limit must be between 1 and 50");
        assertThat(Args.range("limit", null, 1, 50, 10)).isEqualTo(10);
    }

    @Test
    void fieldRanking() throws Exception {
        JsonNode fields = JSON.readTree("[{\"id\":\"summary\",\"name\":\"Summary\"},{\"id\":\"customfield_1\",\"name\":"
                + "\"Story Points\"},{\"id\":\"customfield_2\",\"name\":\"Points of Story\"},{\"id\":\"status\",\"name\":\"Status\"}]");
        assertThat(LinkFieldTools.FieldMatch.rank(fields, "story")).extracting(f -> f.path("id").asText())
                .containsExactly("customfield_1", "customfield_2");
        assertThat(LinkFieldTools.FieldMatch.rank(fields, "status")).extracting(f -> f.path("id").asText())
                .containsExactly("status");
        assertThat(LinkFieldTools.FieldMatch.rank(fields, "stpts")).extracting(f -> f.path("id").asText())
                .containsExactly("customfield_1");
        assertThat(LinkFieldTools.FieldMatch.rank(fields, "")).hasSize(4);
    }

    @Test
    void commentsAreTrimmedToTheLatest() throws Exception {
        ObjectNode issue = (ObjectNode) JSON.readTree("{\"fields\":{\"comment\":{\"comments\":[{\"id\":1},{\"id\":2},{\"id\":3}]}}}");
        IssueTools.trimComments(issue, 2);
        assertThat(issue.toString()).isEqualTo("{\"fields\":{\"comment\":{\"comments\":[{\"id\":2},{\"id\":3}]}}}");
        IssueTools.trimComments(issue, 0);
        assertThat(issue.toString()).isEqualTo("{\"fields\":{}}");
    }
}
