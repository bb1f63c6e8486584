package io.ambientcode.sidecar.google;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.testing.SpecDocs;
import io.ambientcode.sidecar.google.drive.DriveTools;
import io.ambientcode.sidecar.google.gmail.GmailTools;
import io.ambientcode.sidecar.google.support.GoogleTestBase;
import io.ambientcode.sidecar.google.support.GoogleWorld;
import io.ambientcode.sidecar.testing.ToolInventory;
import io.ambientcode.sidecar.tools.RefreshCredentialsTool;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
        ToolInventory tools = ToolInventory.of(mcp.listTools()).assertHints(READ_ONLY, WRITES, Set.of());
        tools.assertMatchesSpec(Provider.GOOGLE, SpecDocs.table("sidecars.md", Provider.GOOGLE.id() + " tool"));
        for (String name : tools.names()) {
            if (!name.equals("refresh_credentials")) {
                assertThat(tools.properties(name)).as(name).contains("user_google_email");
                assertThat(tools.required(name)).as(name).doesNotContain("user_google_email");
            }
        }
        assertThat(tools.required("search_gmail_messages")).containsExactly("query");
        assertThat(tools.properties("search_gmail_messages")).contains("page_size", "page_token");
        assertThat(tools.required("get_gmail_message_content")).containsExactly("message_id");
        assertThat(tools.required("get_gmail_messages_content_batch")).containsExactly("message_ids");
        assertThat(tools.tool("get_gmail_messages_content_batch").path("inputSchema").path("properties")
                .path("message_ids").path("type").asText()).isEqualTo("array");
        assertThat(tools.required("send_gmail_message")).containsExactlyInAnyOrder("to", "subject", "body");
        assertThat(tools.properties("send_gmail_message")).contains("body_format", "cc", "bcc", "thread_id",
                "in_reply_to", "references");
        assertThat(tools.required("draft_gmail_message")).containsExactlyInAnyOrder("subject", "body");
        assertThat(tools.properties("modify_gmail_message_labels")).contains("add_label_ids", "remove_label_ids");
        assertThat(tools.properties("search_drive_files")).contains("query", "page_size", "page_token", "drive_id",
                "include_items_from_all_drives", "corpora", "order_by");
        assertThat(tools.required("get_drive_file_content")).containsExactly("file_id");
        assertThat(tools.properties("list_drive_items")).contains("folder_id", "page_size", "drive_id");
        assertThat(tools.required("create_drive_file")).containsExactlyInAnyOrder("file_name", "content");
        assertThat(tools.properties("create_drive_file")).contains("folder_id", "mime_type");
    }

    /** Every bean with tools passes the redacting interceptor. */
    @Test
    void everyToolClassIsGuarded() {
        Set<String> all = new HashSet<>(READ_ONLY);
        all.addAll(WRITES);
        ToolInventory.assertGuarded(List.of(GmailTools.class, DriveTools.class, RefreshCredentialsTool.class), all);
    }
}
