package io.ambientcode.systemtests.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's walkthrough, kept in {@code docs/walkthrough.sh} and pasted verbatim into the README: a preamble, then
 * numbered steps, each starting with a comment line {@code # N. what it does}. The test runs the steps in one shell, in
 * order, exactly as written, and acts between them (calls the MCP tool, scans for the token).
 */
record WalkthroughScript(String text, String preamble, List<Step> steps) {

    static final String FILE = "docs/walkthrough.sh";
    private static final Pattern STEP = Pattern.compile("(?m)^# (\\d+)\\. (.*)$");

    /** One step: its number, its title (the comment) and its text (the comment and the commands after it). */
    record Step(int number, String title, String text) {
        List<String> commands() {
            return text.lines().filter(l -> !l.isBlank() && !l.strip().startsWith("#")).toList();
        }
    }

    static WalkthroughScript load(Path repository) {
        try {
            return parse(Files.readString(repository.resolve(FILE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WalkthroughScript parse(String text) {
        Matcher m = STEP.matcher(text);
        List<Integer> starts = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        while (m.find()) {
            starts.add(m.start());
        }
        if (starts.isEmpty()) {
            throw new IllegalStateException(FILE + " has no numbered steps");
        }
        for (int i = 0; i < starts.size(); i++) {
            String chunk = text.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : text.length());
            Matcher head = STEP.matcher(chunk);
            head.find();
            steps.add(new Step(Integer.parseInt(head.group(1)), head.group(2).strip(), chunk.stripTrailing() + "\n"));
        }
        return new WalkthroughScript(text, text.substring(0, starts.get(0)), List.copyOf(steps));
    }

    Step step(int number) {
        return steps.stream().filter(s -> s.number() == number).findFirst()
                .orElseThrow(() -> new IllegalStateException(FILE + " has no step " + number));
    }

    /** The step whose commands include {@code fragment}: the test finds steps by what they do, not by number. */
    Step stepRunning(String fragment) {
        List<Step> matching = steps.stream().filter(s -> s.commands().stream().anyMatch(c -> c.contains(fragment))).toList();
        if (matching.size() != 1) {
            throw new IllegalStateException(FILE + ": expected exactly one step running '" + fragment + "', found "
                    + matching.size());
        }
        return matching.get(0);
    }
}
