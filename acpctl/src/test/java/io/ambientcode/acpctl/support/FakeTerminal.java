package io.ambientcode.acpctl.support;

import io.ambientcode.acpctl.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Standard input and a hidden prompt under the test's control; records the prompts shown. */
public class FakeTerminal extends Terminal {

    private byte[] stdin = new byte[0];
    private boolean interactive;
    private final Deque<String> answers = new ArrayDeque<>();
    private final List<String> prompts = new ArrayList<>();
    private int stdinReads;

    public FakeTerminal stdin(String text) {
        this.stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    public FakeTerminal stdin(byte[] bytes) {
        this.stdin = bytes.clone();
        return this;
    }

    /** An interactive terminal that answers the next hidden prompt with {@code answer}. */
    public FakeTerminal answer(String answer) {
        this.interactive = true;
        answers.add(answer);
        return this;
    }

    public FakeTerminal interactive(boolean interactive) {
        this.interactive = interactive;
        return this;
    }

    public List<String> prompts() {
        return List.copyOf(prompts);
    }

    public int stdinReads() {
        return stdinReads;
    }

    @Override
    public InputStream stdin() {
        stdinReads++;
        return new ByteArrayInputStream(stdin);
    }

    @Override
    public boolean interactive() {
        return interactive;
    }

    @Override
    public char[] readHidden(String prompt) {
        prompts.add(prompt);
        String a = answers.poll();
        return a == null ? null : a.toCharArray();
    }
}
