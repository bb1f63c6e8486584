package io.ambientcode.acpctl.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An aligned text table: columns padded to their widest cell, separated by three spaces, no trailing blanks.
 * A missing value prints as {@code -} so columns never collapse.
 */
public final class Table {

    static final String GAP = "   ";
    static final String NONE = "-";

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    private Table(List<String> headers) {
        this.headers = headers;
    }

    /** A table with a header row. */
    public static Table of(String... headers) {
        return new Table(List.of(headers));
    }

    /** A two-column field/value table without header, for one object. */
    public static Table details() {
        return new Table(List.of());
    }

    public Table row(Object... cells) {
        int width = headers.isEmpty() ? 2 : headers.size();
        if (cells.length != width) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + width + " columns");
        }
        rows.add(Arrays.stream(cells).map(Table::cell).toList());
        return this;
    }

    /** Adds a field to a details table; a field whose value is null is shown as {@code -}. */
    public Table field(String name, Object value) {
        return row(name + ":", value);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public String render() {
        List<List<String>> all = new ArrayList<>();
        if (!headers.isEmpty()) {
            all.add(headers);
        }
        all.addAll(rows);
        if (all.isEmpty()) {
            return "";
        }
        int columns = all.get(0).size();
        int[] widths = new int[columns];
        for (List<String> r : all) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], r.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> r : all) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = r.get(c);
                line.append(cell);
                if (c < columns - 1) {
                    line.append(" ".repeat(widths[c] - cell.length())).append(GAP);
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return NONE;
        }
        String s = value.toString();
        if (s.isEmpty()) {
            return NONE;
        }
        // One line per row: control characters from a server never break the layout or reach the terminal raw.
        return s.replaceAll("[\\p{Cntrl}]", " ");
    }
}
