package io.ambientcode.sidecar.jira.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Atlassian Document Format, the rich-text JSON of Jira Cloud's v3 API, in the two directions the tools need.
 * {@link #fromText} turns the Markdown-ish text an agent writes into a document (paragraphs separated by blank lines
 * with hard line breaks inside, {@code #} headings, {@code -}/{@code *} and {@code 1.} lists, fenced code blocks);
 * {@link #toText} renders any document back to plain text, so v3 and v2 answers read alike. Pure.
 */
public final class Adf {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HEADING = Pattern.compile("(#{1,6})\\s+(.*)");
    private static final Pattern BULLET = Pattern.compile("[-*]\\s+(.*)");
    private static final Pattern ORDERED = Pattern.compile("\\d+[.)]\\s+(.*)");

    private Adf() {
    }

    /** A {@code doc} node for the text. */
    public static ObjectNode fromText(String text) {
        ObjectNode doc = JSON.createObjectNode().put("type", "doc").put("version", 1);
        ArrayNode content = doc.putArray("content");
        List<String> lines = List.of((text == null ? "" : text).replace("\r\n", "\n").split("\n", -1));
        List<String> paragraph = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (trimmed.startsWith("```")) {
                flush(paragraph, content);
                String language = trimmed.substring(3).strip();
                StringBuilder code = new StringBuilder();
                i++;
                while (i < lines.size() && !lines.get(i).strip().startsWith("```")) {
                    code.append(code.length() == 0 ? "" : "\n").append(lines.get(i));
                    i++;
                }
                ObjectNode block = content.addObject().put("type", "codeBlock");
                if (!language.isEmpty()) {
                    block.putObject("attrs").put("language", language);
                }
                if (code.length() > 0) {
                    block.putArray("content").add(textNode(code.toString()));
                }
                i++;
                continue;
            }
            Matcher heading = HEADING.matcher(trimmed);
            if (heading.matches()) {
                flush(paragraph, content);
                ObjectNode h = content.addObject().put("type", "heading");
                h.putObject("attrs").put("level", heading.group(1).length());
                inline(h, List.of(heading.group(2)));
                i++;
                continue;
            }
            if (BULLET.matcher(trimmed).matches() || ORDERED.matcher(trimmed).matches()) {
                flush(paragraph, content);
                boolean ordered = ORDERED.matcher(trimmed).matches();
                Pattern item = ordered ? ORDERED : BULLET;
                ArrayNode items = content.addObject().put("type", ordered ? "orderedList" : "bulletList").putArray("content");
                Matcher m;
                while (i < lines.size() && (m = item.matcher(lines.get(i).strip())).matches()) {
                    ObjectNode p = items.addObject().put("type", "listItem").putArray("content").addObject()
                            .put("type", "paragraph");
                    inline(p, List.of(m.group(1)));
                    i++;
                }
                continue;
            }
            if (trimmed.isEmpty()) {
                flush(paragraph, content);
            } else {
                paragraph.add(line);
            }
            i++;
        }
        flush(paragraph, content);
        return doc;
    }

    /** True for an ADF document node. */
    public static boolean isDoc(JsonNode node) {
        return node != null && node.isObject() && "doc".equals(node.path("type").asText()) && node.path("content").isArray();
    }

    /** Plain text of a document (or of any ADF node). */
    public static String toText(JsonNode node) {
        StringBuilder out = new StringBuilder();
        render(node, out, "");
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    private static void render(JsonNode node, StringBuilder out, String prefix) {
        String type = node.path("type").asText();
        switch (type) {
            case "text" -> out.append(node.path("text").asText());
            case "hardBreak" -> out.append('\n');
            case "mention" -> out.append(node.path("attrs").path("text").asText("@user"));
            case "emoji" -> out.append(node.path("attrs").path("shortName").asText());
            case "inlineCard", "blockCard" -> out.append(node.path("attrs").path("url").asText());
            case "paragraph", "heading" -> {
                children(node, out, prefix);
                out.append('\n');
            }
            case "codeBlock" -> {
                out.append("```\n");
                children(node, out, prefix);
                out.append("\n```\n");
            }
            case "bulletList", "orderedList" -> {
                int n = 1;
                for (JsonNode item : node.path("content")) {
                    out.append(prefix).append(type.equals("orderedList") ? (n++) + ". " : "- ");
                    StringBuilder inner = new StringBuilder();
                    children(item, inner, prefix + "  ");
                    out.append(inner.toString().strip()).append('\n');
                }
            }
            default -> {
                children(node, out, prefix);
                if (type.equals("blockquote") || type.equals("panel") || type.equals("rule")) {
                    out.append('\n');
                }
            }
        }
    }

    private static void children(JsonNode node, StringBuilder out, String prefix) {
        for (JsonNode child : node.path("content")) {
            render(child, out, prefix);
        }
    }

    private static void flush(List<String> paragraph, ArrayNode content) {
        if (paragraph.isEmpty()) {
            return;
        }
        ObjectNode p = content.addObject().put("type", "paragraph");
        inline(p, paragraph);
        paragraph.clear();
    }

    /** Lines of one block, joined by hard breaks. */
    private static void inline(ObjectNode block, List<String> lines) {
        ArrayNode content = block.putArray("content");
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                content.addObject().put("type", "hardBreak");
            }
            if (!lines.get(i).isEmpty()) {
                content.add(textNode(lines.get(i)));
            }
        }
    }

    private static ObjectNode textNode(String text) {
        return JSON.createObjectNode().put("type", "text").put("text", text);
    }
}
