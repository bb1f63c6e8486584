package io.ambientcode.systemtests.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Everything the run received that is not a log file: HTTP response bodies (credential API, token server, the network
 * taps), MCP tool results and the runner's own git output. The leak scan reads it all.
 */
public final class Captured {

    /** One captured text and where it came from (for the scan's report). */
    public record Item(String source, String text) {
    }

    private static final Queue<Item> ITEMS = new ConcurrentLinkedQueue<>();

    private Captured() {
    }

    public static String add(String source, String text) {
        if (text != null && !text.isEmpty()) {
            ITEMS.add(new Item(source, text));
        }
        return text;
    }

    public static List<Item> all() {
        return new ArrayList<>(ITEMS);
    }

    public static long count(String sourcePrefix) {
        return ITEMS.stream().filter(i -> i.source().startsWith(sourcePrefix)).count();
    }
}
