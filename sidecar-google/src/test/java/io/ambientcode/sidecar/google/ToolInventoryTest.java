package io.ambientcode.sidecar.google;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.sidecar.google.drive.DriveTools;
import io.ambientcode.sidecar.google.gmail.GmailTools;
import io.ambientcode.sidecar.google.support.GoogleTestBase;
import io.ambientcode.sidecar.google.support.GoogleWorld;
import io.ambientcode.sidecar.tools.RefreshCredentialsTool;
import io.ambientcode.sidecar.tools.SidecarTools;
import io.quarkiverse.mcp.server.Tool;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The tools list carries workspace-mcp's names and parameters, with truthful hints (read-only mode relies on them). */
@QuarkusTest
@QuarkusTestResource(value = GoogleWorld.class, restrictToAnnotatedClass = false)
class ToolInventoryTest extends GoogleTestBase {

    static final Set<String> READ_ONLY = Set.of("search_gmail_messages", "get_gmail_message_content",
            "get_gmail_messages_content_batch", "list_gmail_labels", "search_drive_files", "get_drive_file_content",
            "list_drive_items", "refresh_credentials");
    static final Set<String> WRITES = Set.of("send_gmail_message", "draft_gmail_message", "modify_gmail_message_labels",
            "create_drive_file");

    @Test
    void toolsListHasEveryToolWithCorrectAnnotationsAndPeerParameters() {
        Map<String, JsonNode> byName = new HashMap<>();
        mcp.listTools().path("tools").forEach(t -> byName.put(t.path("name").asText(), t));
        Set<String> expected = new HashSet<>(READ_ONLY);
        expected.addAll(WRITES);
        assertThat(byName.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        byName.forEach((name, tool) -> {
            JsonNode a = tool.path("annotations");
            assertThat(a.path("readOnlyHint").asBoolean()).as(name + " readOnlyHint").isEqualTo(READ_ONLY.contains(name));
            assertThat(a.path("destructiveHint").asBoolean()).as(name + " destructiveHint").isFalse();
            if (!name.equals("refresh_credentials")) {
                assertThat(properties(byName, name)).as(name).contains("user_google_email");
                assertThat(required(byName, name)).as(name).doesNotContain("user_google_email");
            }
        });
        assertThat(required(byName, "search_gmail_messages")).containsExactly("query");
        assertThat(properties(byName, "search_gmail_messages")).contains("page_size", "page_token");
        assertThat(required(byName, "get_gmail_message_content")).containsExactly("message_id");
        assertThat(required(byName, "get_gmail_messages_content_batch")).containsExactly("message_ids");
        assertThat(byName.get("get_gmail_messages_content_batch").path("inputSchema").path("properties")
                .path("message_ids").path("type").asText()).isEqualTo("array");
        assertThat(required(byName, "send_gmail_message")).containsExactlyInAnyOrder("to", "subject", "body");
        assertThat(properties(byName, "send_gmail_message")).contains("body_format", "cc", "bcc", "thread_id",
                "in_reply_to", "references");
        assertThat(required(byName, "draft_gmail_message")).containsExactlyInAnyOrder("subject", "body");
        assertThat(properties(byName, "modify_gmail_message_labels")).contains("add_label_ids", "remove_label_ids");
        assertThat(properties(byName, "search_drive_files")).contains("query", "page_size", "page_token", "drive_id",
                "include_items_from_all_drives", "corpora", "order_by");
        assertThat(required(byName, "get_drive_file_content")).containsExactly("file_id");
        assertThat(properties(byName, "list_drive_items")).contains("folder_id", "page_size", "drive_id");
        assertThat(required(byName, "create_drive_file")).containsExactlyInAnyOrder("file_name", "content");
        assertThat(properties(byName, "create_drive_file")).contains("folder_id", "mime_type");
    }

    static Set<String> properties(Map<String, JsonNode> tools, String name) {
        Set<String> out = new HashSet<>();
        tools.get(name).path("inputSchema").path("properties").fieldNames().forEachRemaining(out::add);
        return out;
    }

    static List<String> required(Map<String, JsonNode> tools, String name) {
        List<String> out = new ArrayList<>();
        tools.get(name).path("inputSchema").path("required").forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Every bean with tools passes the redacting interceptor. */
    @Test
    void everyToolClassIsGuarded() {
        List<Class<?>> classes = List.of(GmailTools.class, DriveTools.class, RefreshCredentialsTool.class);
        Set<String> declared = classes.stream().flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
                .map(m -> m.getAnnotation(Tool.class)).filter(Objects::nonNull).map(Tool::name)
                .collect(Collectors.toSet());
        assertThat(declared).hasSize(READ_ONLY.size() + WRITES.size());
        for (Class<?> c : classes) {
            assertThat(c.isAnnotationPresent(SidecarTools.class)).as(c.getSimpleName()).isTrue();
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Tool.class)) {
                    assertThat(m.getReturnType().getSimpleName()).as(m.getName()).isEqualTo("ToolResponse");
                }
            }
        }
    }
}
