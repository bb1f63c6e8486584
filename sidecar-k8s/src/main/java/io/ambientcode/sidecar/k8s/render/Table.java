package io.ambientcode.sidecar.k8s.render;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The compact list output (kubernetes-mcp-server's default {@code --list-output table}): one line per object with
 * NAMESPACE (namespaced kinds only), APIVERSION, KIND, NAME, STATUS (when the objects have one), AGE and LABELS,
 * columns padded to their widest cell. Pure.
 */
public final class Table {

    private Table() {
    }

    /**
     * @param status the STATUS cell of an object, or {@code null} when the kind has no status to show
     */
    public static <T extends HasMetadata> String render(List<T> items, String apiVersion, String kind, boolean namespaced,
            Function<T, String> status, Instant now) {
        if (items.isEmpty()) {
            return "# No " + kind + " resources found";
        }
        List<String> header = new ArrayList<>();
        if (namespaced) {
            header.add("NAMESPACE");
        }
        header.addAll(List.of("APIVERSION", "KIND", "NAME"));
        boolean withStatus = status != null;
        if (withStatus) {
            header.add("STATUS");
        }
        header.addAll(List.of("AGE", "LABELS"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (T item : items) {
            ObjectMeta m = item.getMetadata() == null ? new ObjectMeta() : item.getMetadata();
            List<String> row = new ArrayList<>();
            if (namespaced) {
                row.add(orDash(m.getNamespace()));
            }
            row.add(orDash(item.getApiVersion() != null ? item.getApiVersion() : apiVersion));
            row.add(orDash(item.getKind() != null ? item.getKind() : kind));
            row.add(orDash(m.getName()));
            if (withStatus) {
                row.add(orDash(status.apply(item)));
            }
            row.add(age(m.getCreationTimestamp(), now));
            row.add(labels(m.getLabels()));
            rows.add(row);
        }
        int[] widths = new int[header.size()];
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                String cell = r.get(i);
                out.append(cell);
                if (i < r.size() - 1) {
                    out.append(" ".repeat(widths[i] - cell.length() + 3));
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** kubectl's short age: 45s, 12m, 5h, 3d. */
    public static String age(String creationTimestamp, Instant now) {
        if (creationTimestamp == null || creationTimestamp.isBlank()) {
            return "-";
        }
        Instant created;
        try {
            created = Instant.parse(creationTimestamp);
        } catch (DateTimeParseException e) {
            return "-";
        }
        Duration d = Duration.between(created, now);
        if (d.isNegative()) {
            return "0s";
        }
        if (d.toMinutes() < 2) {
            return d.toSeconds() + "s";
        }
        if (d.toHours() < 2) {
            return d.toMinutes() + "m";
        }
        if (d.toDays() < 2) {
            return d.toHours() + "h";
        }
        return d.toDays() + "d";
    }

    private static String labels(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return "<none>";
        }
        return labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
