package io.ambientcode.sidecar.google.gmail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Reads Gmail's {@code format=full} message resource the way workspace-mcp presents it: the usual headers, the body
 * as text (the {@code text/plain} part, or the {@code text/html} part rendered to text when the plain part is missing
 * or a useless stub), and attachment metadata. Pure.
 */
public final class GmailMessages {

    static final List<String> HEADERS = List.of("Subject", "From", "To", "Cc", "Date", "Message-ID");
    static final int MAX_BODY_CHARS = 20_000;

    private GmailMessages() {
    }

    /** The summary of a message; {@code withBody} false for the {@code metadata} format. */
    public static ObjectNode summary(JsonNode message, boolean withBody) {
        JsonNode payload = message.path("payload");
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("message_id", message.path("id").asText());
        out.put("thread_id", message.path("threadId").asText());
        out.put("subject", header(payload, "Subject", "(no subject)"));
        out.put("from", header(payload, "From", "(unknown sender)"));
        out.put("to", header(payload, "To", ""));
        out.put("cc", header(payload, "Cc", ""));
        out.put("date", header(payload, "Date", ""));
        out.put("message_id_header", header(payload, "Message-ID", ""));
        ArrayNode labels = out.putArray("labels");
        message.path("labelIds").forEach(labels::add);
        if (withBody) {
            out.put("body", body(payload));
            out.set("attachments", attachments(payload));
        }
        out.put("web_link", "https://mail.google.com/mail/u/0/#all/" + message.path("id").asText());
        return out;
    }

    static String header(JsonNode payload, String name, String fallback) {
        for (JsonNode h : payload.path("headers")) {
            if (h.path("name").asText().equalsIgnoreCase(name)) {
                return h.path("value").asText();
            }
        }
        return fallback;
    }

    /** The readable body: plain text unless it is missing or a stub next to a much larger HTML part. */
    static String body(JsonNode payload) {
        String text = null;
        String html = null;
        Deque<JsonNode> parts = new ArrayDeque<>();
        parts.add(payload);
        while (!parts.isEmpty()) {
            JsonNode part = parts.poll();
            String mime = part.path("mimeType").asText("").toLowerCase(Locale.ROOT);
            String data = part.path("body").path("data").asText(null);
            boolean attachment = !part.path("filename").asText("").isEmpty();
            if (data != null && !attachment) {
                if (mime.equals("text/plain") && text == null) {
                    text = decode(data);
                } else if (mime.equals("text/html") && html == null) {
                    html = decode(data);
                }
            }
            part.path("parts").forEach(parts::add);
        }
        String plain = text == null ? "" : text.strip();
        String rich = html == null ? "" : html.strip();
        boolean useHtml = !rich.isEmpty() && (plain.isEmpty() || plain.contains("<!--") || rich.length() > plain.length() * 50);
        String body = useHtml ? htmlToText(rich) : plain;
        if (body.isEmpty()) {
            return "[No readable content found]";
        }
        return body.length() > MAX_BODY_CHARS ? body.substring(0, MAX_BODY_CHARS) + "\n\n[Content truncated...]" : body;
    }

    static ArrayNode attachments(JsonNode payload) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        Deque<JsonNode> parts = new ArrayDeque<>();
        parts.add(payload);
        while (!parts.isEmpty()) {
            JsonNode part = parts.poll();
            if (!part.path("filename").asText("").isEmpty() && part.path("body").has("attachmentId")) {
                out.addObject().put("filename", part.path("filename").asText())
                        .put("mimeType", part.path("mimeType").asText("application/octet-stream"))
                        .put("size", part.path("body").path("size").asLong(0))
                        .put("attachmentId", part.path("body").path("attachmentId").asText());
            }
            part.path("parts").forEach(parts::add);
        }
        return out;
    }

    /** Gmail bodies are base64url, sometimes with padding. */
    static String decode(String data) {
        try {
            return new String(Base64.getUrlDecoder().decode(data.strip().replace("=", "")), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Visible text of an HTML body: scripts and styles dropped, tags removed, common entities decoded, spaces folded. */
    static String htmlToText(String html) {
        String text = html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
                .replaceAll("(?i)<br\\s*/?>|</p>|</div>|</li>|</tr>|</h[1-6]>", "\n")
                .replaceAll("<[^>]+>", " ")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return text.replaceAll("[ \\t\\x0B\\f]+", " ").replaceAll(" *\n *", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }
}
