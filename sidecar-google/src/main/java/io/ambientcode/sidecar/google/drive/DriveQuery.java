package io.ambientcode.sidecar.google.drive;

import java.util.regex.Pattern;

/**
 * Drive {@code files.list} queries. A query already written in Drive's query language is used as-is; free text becomes
 * {@code fullText contains '...'} (as workspace-mcp does), with quotes and backslashes escaped. Pure.
 */
public final class DriveQuery {

    private static final Pattern STRUCTURED = Pattern.compile(
            "(?i)(\\b(name|fullText|mimeType|modifiedTime|createdTime|viewedByMeTime|sharedWithMe|trashed|starred|"
                    + "parents|owners|writers|readers|properties|appProperties|visibility|shortcutDetails\\.targetId)\\b"
                    + "\\s*(=|!=|<=|>=|<|>|\\bcontains\\b|\\bhas\\b|\\bin\\b))"
                    + "|('[^']*'\\s+in\\s+(parents|owners|writers|readers))"
                    + "|(\\b(sharedWithMe|trashed|starred)\\b)");

    private DriveQuery() {
    }

    public static String of(String query) {
        String q = query.strip();
        return STRUCTURED.matcher(q).find() ? q : "fullText contains " + literal(q);
    }

    /** The items of a folder that are not in the trash. */
    public static String inFolder(String folderId) {
        return literal(folderId) + " in parents and trashed = false";
    }

    /** A single-quoted Drive query string. */
    static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
