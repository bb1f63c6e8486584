package io.ambientcode.sidecar.google.drive;

import static io.ambientcode.sidecar.upstream.UpstreamUrls.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ambientcode.sidecar.google.Args;
import io.ambientcode.sidecar.google.client.GoogleApi;
import io.ambientcode.sidecar.tools.SidecarTools;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Drive tools (workspace-mcp names and parameters); shared drives included. */
@Singleton
@SidecarTools
public class DriveTools {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String FILE_FIELDS = "id,name,mimeType,size,modifiedTime,webViewLink";
    /** Google-native documents and the text form each is exported as. */
    static final Map<String, String> EXPORTS = Map.of(
            "application/vnd.google-apps.document", "text/plain",
            "application/vnd.google-apps.spreadsheet", "text/csv",
            "application/vnd.google-apps.presentation", "text/plain");

    @Inject
    GoogleApi google;

    @Tool(name = "search_drive_files", description = "Search files and folders in Google Drive, shared drives "
            + "included. Drive query syntax (e.g. \"name contains 'plan' and mimeType = "
            + "'application/vnd.google-apps.document'\") is used as-is; free text searches the full text.",
            annotations = @Tool.Annotations(title = "Search Drive Files", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = true))
    public ToolResponse searchDriveFiles(
            @ToolArg(description = "Drive query or free text") String query,
            @ToolArg(description = Args.USER_EMAIL_NOTE, required = false) String user_google_email,
            @ToolArg(description = "Maximum number of files (1-1000)", defaultValue = "10") int page_size,
            @ToolArg(description = "next_page_token of a previous answer", required = false) String page_token,
            @ToolArg(description = "Shared drive id to search in", required = false) String drive_id,
            @ToolArg(description = "Include shared-drive items", defaultValue = "true") boolean include_items_from_all_drives,
            @ToolArg(description = "user, domain, drive or allDrives", required = false) String corpora,
            @ToolArg(description = "Sort order, e.g. 'modifiedTime desc'", required = false) String order_by) {
        return list(DriveQuery.of(Args.required("query", query)), Args.range("page_size", page_size, 1, 1000),
                page_token, drive_id, include_items_from_all_drives, corpora, order_by);
    }

    @Tool(name = "list_drive_items", description = "List the files and folders in a Drive folder ('root' for My "
            + "Drive), shared drives included.",
            annotations = @Tool.Annotations(title = "List Drive Items", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = true))
    public ToolResponse listDriveItems(
            @ToolArg(description = "Folder id ('root' for My Drive)", defaultValue = "root") String folder_id,
            @ToolArg(description = Args.USER_EMAIL_NOTE, required = false) String user_google_email,
            @ToolArg(description = "Maximum number of items (1-1000)", defaultValue = "100") int page_size,
            @ToolArg(description = "next_page_token of a previous answer", required = false) String page_token,
            @ToolArg(description = "Shared drive id", required = false) String drive_id,
            @ToolArg(description = "Include shared-drive items", defaultValue = "true") boolean include_items_from_all_drives,
            @ToolArg(description = "user, domain, drive or allDrives", required = false) String corpora) {
        return list(DriveQuery.inFolder(Args.id("folder_id", folder_id)), Args.range("page_size", page_size, 1, 1000),
                page_token, drive_id, include_items_from_all_drives, corpora, null);
    }

    private ToolResponse list(String q, int pageSize, String pageToken, String driveId, boolean allDrives,
            String corpora, String orderBy) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("q", q);
        params.put("pageSize", pageSize);
        params.put("pageToken", pageToken);
        params.put("fields", "nextPageToken,files(" + FILE_FIELDS + ")");
        params.put("supportsAllDrives", true);
        if (driveId != null && !driveId.isBlank()) {
            params.put("driveId", Args.id("drive_id", driveId));
            params.put("includeItemsFromAllDrives", true);
            params.put("corpora", corpora == null || corpora.isBlank() ? "drive" : corpora);
        } else {
            params.put("includeItemsFromAllDrives", allDrives);
            params.put("corpora", corpora);
        }
        params.put("orderBy", orderBy);
        JsonNode answer = google.get(google.drive() + "/files", params);
        ObjectNode out = JSON.createObjectNode();
        out.set("files", answer.path("files").isArray() ? answer.path("files") : JSON.createArrayNode());
        if (answer.hasNonNull("nextPageToken")) {
            out.put("next_page_token", answer.path("nextPageToken").asText());
        }
        return ToolResponse.success(out.toString());
    }

    @Tool(name = "get_drive_file_content", description = "Get the content of a Drive file as text: Google Docs and "
            + "Slides exported as plain text, Sheets as CSV, other text files as they are.",
            annotations = @Tool.Annotations(title = "Get Drive File Content", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = true))
    public ToolResponse getDriveFileContent(
            @ToolArg(description = "Drive file id") String file_id,
            @ToolArg(description = Args.USER_EMAIL_NOTE, required = false) String user_google_email) {
        String id = Args.id("file_id", file_id);
        JsonNode meta = google.get(google.drive() + "/files/" + segment(id),
                Map.of("fields", FILE_FIELDS, "supportsAllDrives", true));
        String mime = meta.path("mimeType").asText("");
        String export = EXPORTS.get(mime);
        GoogleApi.Download content;
        if (export != null) {
            content = google.download(google.drive() + "/files/" + segment(id) + "/export", Map.of("mimeType", export));
        } else if (mime.startsWith("application/vnd.google-apps.")) {
            throw new IllegalArgumentException("a " + mime + " cannot be exported as text");
        } else {
            content = google.download(google.drive() + "/files/" + segment(id), Map.of("alt", "media", "supportsAllDrives", true));
        }
        String header = "File: \"" + meta.path("name").asText() + "\" (ID: " + id + ", Type: " + mime + ")\nLink: "
                + meta.path("webViewLink").asText("#") + "\n\n--- CONTENT ---\n";
        return ToolResponse.success(header + text(content, mime));
    }

    /** UTF-8 text, or a note for binary content; a cut-off body says so. */
    static String text(GoogleApi.Download content, String mime) {
        String body;
        try {
            body = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content.bytes())).toString();
            if (body.indexOf('\0') >= 0) {
                throw new CharacterCodingException();
            }
        } catch (CharacterCodingException e) {
            return "[Binary content of type '" + mime + "', " + content.bytes().length + " bytes; not shown]";
        }
        return content.truncated() ? body + "\n[content truncated]" : body;
    }

    @Tool(name = "create_drive_file", description = "Create a file in Google Drive with the given text content "
            + "(a Google Doc or Sheet when mime_type is application/vnd.google-apps.document or .spreadsheet).",
            annotations = @Tool.Annotations(title = "Create Drive File", readOnlyHint = false, destructiveHint = false,
                    idempotentHint = false, openWorldHint = true))
    public ToolResponse createDriveFile(
            @ToolArg(description = "Name of the new file") String file_name,
            @ToolArg(description = "Text content of the file") String content,
            @ToolArg(description = Args.USER_EMAIL_NOTE, required = false) String user_google_email,
            @ToolArg(description = "Parent folder id ('root' for My Drive)", defaultValue = "root") String folder_id,
            @ToolArg(description = "MIME type of the file", defaultValue = "text/plain") String mime_type) {
        String mime = mime_type == null || mime_type.isBlank() ? "text/plain" : mime_type.strip();
        if (!mime.matches("[a-z]+/[A-Za-z0-9.+_-]+")) {
            throw new IllegalArgumentException("mime_type '" + mime + "' is not a MIME type");
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", Args.required("file_name", file_name));
        metadata.put("parents", java.util.List.of(Args.id("folder_id", folder_id)));
        boolean nativeDoc = mime.startsWith("application/vnd.google-apps.");
        if (nativeDoc) {
            metadata.put("mimeType", mime);
        }
        String boundary = "ambient-" + UUID.randomUUID();
        byte[] body = Multipart.related(boundary, metadata, nativeDoc ? "text/plain" : mime, content == null ? "" : content);
        JsonNode created = google.sendRaw("POST", google.driveUpload() + "/files",
                Map.of("uploadType", "multipart", "supportsAllDrives", true, "fields", FILE_FIELDS), body,
                "multipart/related; boundary=" + boundary);
        ObjectNode out = JSON.createObjectNode().put("message", "File created");
        out.setAll((ObjectNode) created);
        return ToolResponse.success(out.toString());
    }
}
