package io.ambientcode.sidecar.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The I5 leak scan every sidecar runs last: every secret value the suite used must be absent from every MCP response
 * the suite received ({@link McpHttpClient#TRANSCRIPT}, plus whatever a test added) and from every line the sidecar
 * logged; so must anything shaped like a session JWT. The floors ({@link #atLeast}) make sure the scan had something to
 * look at: a suite that produced no output or used no secret would pass vacuously otherwise.
 */
public final class LeakScan {

    /** A compact JWS/JWE starts with base64url of {@code {"}: {@code eyJ}. */
    public static final String JWT_SHAPE = "eyJ[A-Za-z0-9_-]{10,}\\.";

    private final List<String> secrets;
    private final Collection<String> outputs;
    private final Path log;
    private final List<String> forbiddenPatterns = new ArrayList<>(List.of(JWT_SHAPE));
    private final List<String> forbiddenInLog = new ArrayList<>();
    private final List<String> expectedInLog = new ArrayList<>(List.of("credential", "loaded"));
    private int minSecrets = 2;
    private int minOutputs = 20;

    private LeakScan(Collection<String> secrets, Collection<String> outputs, Path log) {
        this.secrets = List.copyOf(secrets);
        this.outputs = outputs;
        this.log = log;
    }

    /** Scan {@code outputs} (usually {@link McpHttpClient#TRANSCRIPT}) and the log file for each of {@code secrets}. */
    public static LeakScan of(Collection<String> secrets, Collection<String> outputs, Path log) {
        return new LeakScan(secrets, outputs, log);
    }

    /** The scan is meaningful only with at least this many secrets and outputs. */
    public LeakScan atLeast(int secrets, int outputs) {
        this.minSecrets = secrets;
        this.minOutputs = outputs;
        return this;
    }

    /** Text the log must show (proof that logging was captured at all); {@code credential} and {@code loaded} always. */
    public LeakScan logShows(String... texts) {
        expectedInLog.addAll(List.of(texts));
        return this;
    }

    /** A regular expression that must match neither an output nor the log (e.g. an Authorization header shape). */
    public LeakScan forbid(String pattern) {
        forbiddenPatterns.add(pattern);
        return this;
    }

    /** A regular expression that must not match the log (outputs may legitimately show it, e.g. a header name). */
    public LeakScan forbidInLog(String pattern) {
        forbiddenInLog.add(pattern);
        return this;
    }

    public void assertClean() throws IOException {
        assertThat(secrets).as("secrets the suite used").hasSizeGreaterThanOrEqualTo(minSecrets);
        assertThat(outputs).as("MCP responses the suite received").hasSizeGreaterThan(minOutputs);
        String logText = Files.readString(log);
        for (String expected : expectedInLog) {
            assertThat(logText).as("sidecar log").contains(expected);
        }
        for (String secret : secrets) {
            for (String output : outputs) {
                assertThat(output).as("MCP response").doesNotContain(secret);
            }
            assertThat(logText).as("sidecar log").doesNotContain(secret);
        }
        for (String pattern : forbiddenPatterns) {
            assertThat(logText).as("sidecar log").doesNotContainPattern(pattern);
            for (String output : outputs) {
                assertThat(output).as("MCP response").doesNotContainPattern(pattern);
            }
        }
        for (String pattern : forbiddenInLog) {
            assertThat(logText).as("sidecar log").doesNotContainPattern(pattern);
        }
    }
}
