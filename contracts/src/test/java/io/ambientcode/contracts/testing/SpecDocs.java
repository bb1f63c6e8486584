package io.ambientcode.contracts.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the specification documents under {@code docs/specs/} for drift tests: a test in the module that owns a fact
 * compares the document's table with the code, so changing one side alone fails the build. Shared through the
 * contracts test-jar.
 */
public final class SpecDocs {

    private SpecDocs() {
    }

    /** {@code docs/specs/<name>}, found from any module directory. */
    public static Path path(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("docs").resolve("specs").resolve(name);
            if (Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("docs/specs/" + name + " not found above " + Path.of("").toAbsolutePath());
    }

    public static String read(String name) {
        try {
            return Files.readString(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The rows of the first markdown table whose header row starts with {@code firstColumnHeader}, as column → cell
     * maps (cells trimmed, surrounding backticks removed).
     */
    public static List<Map<String, String>> table(String document, String firstColumnHeader) {
        String[] lines = read(document).split("\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            List<String> header = cells(lines[i]);
            if (!header.isEmpty() && header.get(0).equals(firstColumnHeader) && lines[i + 1].matches("\\|[-| :]+\\|?\\s*")) {
                List<Map<String, String>> rows = new ArrayList<>();
                for (int j = i + 2; j < lines.length && lines[j].startsWith("|"); j++) {
                    List<String> cells = cells(lines[j]);
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int k = 0; k < header.size() && k < cells.size(); k++) {
                        row.put(header.get(k), cells.get(k));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
        throw new IllegalStateException("no table with first column '" + firstColumnHeader + "' in " + document);
    }

    /**
     * The inline-code spans of a cell: {@code `a`, `b`} → [a, b]. A cell that was one span arrives without its
     * backticks and yields itself.
     */
    public static List<String> codeSpans(String cell) {
        if (!cell.contains("`")) {
            return List.of(cell);
        }
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("`([^`]+)`").matcher(cell);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static List<String> cells(String line) {
        String t = line.strip();
        if (!t.startsWith("|")) {
            return List.of();
        }
        t = t.substring(1, t.endsWith("|") ? t.length() - 1 : t.length());
        List<String> out = new ArrayList<>();
        for (String c : t.split("(?<!\\\\)\\|", -1)) {
            String cell = c.strip().replace("\\|", "|");
            if (cell.startsWith("`") && cell.endsWith("`") && cell.indexOf('`', 1) == cell.length() - 1) {
                cell = cell.substring(1, cell.length() - 1);
            }
            out.add(cell);
        }
        return out;
    }
}
