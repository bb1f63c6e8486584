package io.ambientcode.sidecar.google.gmail;

import static io.ambientcode.sidecar.upstream.UpstreamUrls.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ambientcode.sidecar.google.Args;
import io.ambientcode.sidecar.google.client.GoogleApi;
import io.ambientcode.sidecar.tools.SidecarTools;
import io.ambientcode.sidecar.tools.ToolErrors;
import io.ambientcode.sidecar.tools.UpstreamException;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gmail tools (workspace-mcp names and parameters), results as JSON. */
@Singleton
@SidecarTools
public class GmailTools {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_BATCH = 50;

    @Inject
    GoogleApi google;

    @Tool(name = "search_gmail_messages", description = "Search messages in Gmail with Gmail search operators "
            + "(e.g. 'from:ann is:unread newer_than:7d'). Returns message and thread ids; page with page_token.",
            annotations = @Tool.Annotations(title = "Gmail Message Search", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = true))
    public ToolResponse searchGmailMessages(
            @ToolArg(description = "Gmail search query") String query,
            @ToolArg(description = Args.USER_EMAIL_NOTE, required = false) String user_google_email,
            @ToolArg(description = "Maximum number of messages (1-500)", defaultValue = "10") int page_size,
            @ToolArg(description = "next_page_token of a previous answer", required = false) String page_token) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("q", Args.required("query", query));
        q.put("maxResults", Args.range("page_size", page_size, 1, 500));
        q.put("pageToken", page_token);
        JsonNode answer = google.get(google.gmail() + "/messages", q);
        ObjectNode out = JSON.createObjectNode();
        ArrayNode messages = out.putArray("messages");
        for (JsonNode m : answer.path("messages")) {
            messages.addObject().put("message_id", m.path("id").asText()).put("thread_id", m.path("threadId").asText())
                    .put("web_link", "https://mail.google.com/mail/u/0/#all/" + m.path("id").asText());
        }
        out.put("result_size_estimate", answer.path("resultSizeEstimate").asInt(messages.size()));
        if (answer.hasNonNull("nextPageToken")) {
            out.put("next_page_token", answer.path("nextPageToken").asText());
        }
        return ToolResponse.success(out.toString());
    }

    @Tool(name = "get_gmail_message_content", description = "Get one Gmail message: subject, sender, recipients, "
            + "date, the body as text, and attachment metadata.",
            annotations = @Tool.Annotations(title = "Gmail Message Content", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = true))
    public ToolResponse getGmailMessageContent(
            @ToolArg(description = "The Gmail message id") String message_id,
            @ToolArg(description = Args.USER_EMAIL_NOTE, required = false) String user_google_email) {
        JsonNode message = google.get(google.gmail() + "/messages/" + segment(Args.id("message_id", message_id)),
                Map.of("format", "full"));
        return ToolResponse.success(GmailMessages.summary(message, true).toString());
    }

    @Tool(name = "get_gmail_messages_content_batch", description = "Get several Gmail messages at once (up to 50); "
            + "format 'full' includes bodies, 'metadata' only headers. A message that fails is reported in place.",
            annotations = @Tool.Annotations(title = "Gmail Messages Batch Content", readOnlyHint = true,
                    destructiveHint = false, idempotentHint = true, openWorldHint = true))
    public ToolResponse getGmailMessagesContentBatch(
            @ToolArg(description = "Gmail message ids") List<String> message_ids,
            @ToolArg(description = Args.USER_EMAIL_NOTE, required = false) String user_google_email,
            @ToolArg(description = "'full' (with body) or 'metadata' (headers only)", defaultValue = "full") String format) {
        List<String> ids = Args.ids("message_ids", message_ids);
        if (ids.isEmpty() || ids.size() > MAX_BATCH) {
            throw new IllegalArgumentException("message_ids must hold 1 to " + MAX_BATCH + " ids");
        }
        boolean full = !"metadata".equals(format);
        if (full && !"full".equals(format)) {
            throw new IllegalArgumentException("format must be 'full' or 'metadata'");
        }
        ObjectNode out = JSON.createObjectNode().put("count", ids.size());
        ArrayNode messages = out.putArray("messages");
        for (String id : ids) {
            try {
                Map<String, Object> q = new LinkedHashMap<>();
                q.put("format", full ? "full" : "metadata");
                if (!full) {
                    q.put("metadataHeaders", GmailMessages.HEADERS);
                }
                messages.add(GmailMessages.summary(google.get(google.gmail() + "/messages/" + segment(id), q), full));
            } catch (UpstreamException e) {
                messages.addObject().put("message_id", id).put("error", ToolErrors.upstream("Google API", e));
            }
        }
        return ToolResponse.success(out.toString());
    }

    @Tool(name = "send_gmail_message", description = "Send an email from the credential's Gmail account (new "
            + "message or reply: give thread_id, in_reply_to and references to keep the thread).",
            annotations = @Tool.Annotations(title = "Send Gmail Message", readOnlyHint = false, destructiveHint = false,
                    idempotentHint = false, openWorldHint = true))
    public ToolResponse sendGmailMessage(
            @ToolArg(description = "Recipient address(es), comma-separated") String to,
            @ToolArg(description = "Email subject") String subject,
            @ToolArg(description = "Email body (plain text or HTML)") String body,
            @ToolArg(description = Args.USER_EMAIL_NOTE, required = false) String user_google_email,
            @ToolArg(description = "'plain' or 'html'", defaultValue = "plain") String body_format,
            @ToolArg(description = "CC address(es)", required = false) String cc,
            @ToolArg(description = "BCC address(es)", required = false) String bcc,
            @ToolArg(description = "Gmail thread id to reply within", required = false) String thread_id,
            @ToolArg(description = "Message-ID header of the message replied to", required = false) String in_reply_to,
            @ToolArg(description = "Chain of Message-IDs for threading", required = false) String references) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("raw", MimeMessage.raw(new MimeMessage.Fields(Args.required("to", to), cc, bcc,
                Args.required("subject", subject), body == null ? "" : body, body_format, in_reply_to, references)));
        if (thread_id != null && !thread_id.isBlank()) {
            message.put("threadId", Args.id("thread_id", thread_id));
        }
        JsonNode sent = google.send("POST", google.gmail() + "/messages/send", Map.of(), message);
        return ToolResponse.success(JSON.createObjectNode().put("message", "Email sent")
                .put("message_id", sent.path("id").asText()).put("thread_id", sent.path("threadId").asText()).toString());
    }

    @Tool(name = "draft_gmail_message", description = "Create a Gmail draft (optionally as a reply in a thread).",
            annotations = @Tool.Annotations(title = "Draft Gmail Message", readOnlyHint = false, destructiveHint = false,
                    idempotentHint = false, openWorldHint = true))
    public ToolResponse draftGmailMessage(
            @ToolArg(description = "Email subject") String subject,
            @ToolArg(description = "Email body (plain text or HTML)") String body,
            @ToolArg(description = Args.USER_EMAIL_NOTE, required = false) String user_google_email,
            @ToolArg(description = "'plain' or 'html'", defaultValue = "plain") String body_format,
            @ToolArg(description = "Recipient address(es)", required = false) String to,
            @ToolArg(description = "CC address(es)", required = false) String cc,
            @ToolArg(description = "BCC address(es)", required = false) String bcc,
            @ToolArg(description = "Gmail thread id to reply within", required = false) String thread_id,
            @ToolArg(description = "Message-ID header of the message replied to", required = false) String in_reply_to,
            @ToolArg(description = "Chain of Message-IDs for threading", required = false) String references) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("raw", MimeMessage.raw(new MimeMessage.Fields(to, cc, bcc, Args.required("subject", subject),
                body == null ? "" : body, body_format, in_reply_to, references)));
        if (thread_id != null && !thread_id.isBlank()) {
            message.put("threadId", Args.id("thread_id", thread_id));
        }
        JsonNode draft = google.send("POST", google.gmail() + "/drafts", Map.of(), Map.of("message", message));
        return ToolResponse.success(JSON.createObjectNode().put("message", "Draft created")
                .put("draft_id", draft.path("id").asText())
                .put("message_id", draft.path("message").path("id").asText()).toString());
    }

    @Tool(name = "list_gmail_labels", description = "List the Gmail labels (system and user labels) with their ids.",
            annotations = @Tool.Annotations(title = "List Gmail Labels", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = true))
    public ToolResponse listGmailLabels(
            @ToolArg(description = Args.USER_EMAIL_NOTE, required = false) String user_google_email) {
        ArrayNode labels = JSON.createArrayNode();
        for (JsonNode l : google.get(google.gmail() + "/labels", Map.of()).path("labels")) {
            labels.addObject().put("id", l.path("id").asText()).put("name", l.path("name").asText())
                    .put("type", l.path("type").asText());
        }
        ObjectNode out = JSON.createObjectNode();
        out.set("labels", labels);
        return ToolResponse.success(out.toString());
    }

    @Tool(name = "modify_gmail_message_labels", description = "Add or remove labels of a Gmail message (remove "
            + "INBOX to archive; add TRASH to move to the trash).",
            annotations = @Tool.Annotations(title = "Modify Gmail Message Labels", readOnlyHint = false,
                    destructiveHint = false, idempotentHint = true, openWorldHint = true))
    public ToolResponse modifyGmailMessageLabels(
            @ToolArg(description = "The Gmail message id") String message_id,
            @ToolArg(description = Args.USER_EMAIL_NOTE, required = false) String user_google_email,
            @ToolArg(description = "Label ids to add", required = false) List<String> add_label_ids,
            @ToolArg(description = "Label ids to remove", required = false) List<String> remove_label_ids) {
        List<String> add = Args.ids("add_label_ids", add_label_ids);
        List<String> remove = Args.ids("remove_label_ids", remove_label_ids);
        if (add.isEmpty() && remove.isEmpty()) {
            throw new IllegalArgumentException("give add_label_ids or remove_label_ids");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (!add.isEmpty()) {
            body.put("addLabelIds", add);
        }
        if (!remove.isEmpty()) {
            body.put("removeLabelIds", remove);
        }
        String id = Args.id("message_id", message_id);
        JsonNode message = google.send("POST", google.gmail() + "/messages/" + segment(id) + "/modify", Map.of(), body);
        ObjectNode out = JSON.createObjectNode().put("message_id", id);
        out.set("added", JSON.valueToTree(add));
        out.set("removed", JSON.valueToTree(remove));
        out.set("labels", message.path("labelIds"));
        return ToolResponse.success(out.toString());
    }
}
