package io.ambientcode.sidecar.jira.tools;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** JQL composition. Pure. */
final class Jql {

    private static final Pattern ORDER_BY = Pattern.compile("(?i)\\s*\\bORDER\\s+BY\\s+.*$");

    private Jql() {
    }

    /** A double-quoted JQL string literal. */
    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * Narrows a query to projects (mcp-atlassian's {@code projects_filter}): ANDed with the query, never replacing
     * it, with a trailing {@code ORDER BY} kept at the end so the result stays valid JQL.
     */
    static String withProjects(String jql, List<String> projects) {
        if (projects.isEmpty()) {
            return jql;
        }
        String clause = projects.size() == 1 ? "project = " + quote(projects.get(0))
                : "project IN (" + projects.stream().map(Jql::quote).collect(Collectors.joining(", ")) + ")";
        String query = jql == null ? "" : jql.strip();
        Matcher order = ORDER_BY.matcher(query);
        String orderBy = "";
        if (order.find()) {
            orderBy = " " + order.group().strip();
            query = query.substring(0, order.start()).strip();
        }
        String combined = query.isEmpty() ? clause : "(" + query + ") AND (" + clause + ")";
        return combined + orderBy;
    }
}
