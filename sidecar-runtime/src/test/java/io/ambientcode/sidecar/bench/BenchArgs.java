package io.ambientcode.sidecar.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} command-line options of the benchmark mains. */
final class BenchArgs {

    private final Map<String, String> values = new HashMap<>();

    BenchArgs(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got: " + String.join(" ", args));
            }
            values.put(args[i].substring(2), args[++i]);
        }
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        return Integer.parseInt(get(name, Integer.toString(fallback)));
    }

    Path path(String name, String fallback) {
        return Path.of(get(name, fallback)).toAbsolutePath().normalize();
    }

    /** A space-separated list ({@code --extra-jvm "-Xmx64m -Xss256k"}); empty when absent or blank. */
    List<String> words(String name) {
        String v = get(name, "").strip();
        return v.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(v.split("\\s+")));
    }

    /** A comma-separated list. */
    List<String> list(String name, String fallback) {
        return Arrays.stream(get(name, fallback).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    boolean has(String name) {
        return values.containsKey(name);
    }
}
