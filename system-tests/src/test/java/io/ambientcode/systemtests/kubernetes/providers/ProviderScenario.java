package io.ambientcode.systemtests.kubernetes.providers;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.systemtests.kubernetes.harness.McpClient;
import io.ambientcode.systemtests.kubernetes.harness.Runner;
import java.util.List;
import java.util.Map;

/**
 * One provider's part of the system tests: its fake upstream, the credentials users store for it, and its tools end to
 * end. A provider's flows run when its sidecar module is part of the build ({@link Scenarios}); adding a sidecar means
 * adding one implementation here.
 */
public interface ProviderScenario extends AutoCloseable {

    Provider provider();

    /** JVM options of the test image of this sidecar (upstream endpoints that are image configuration, not credential data). */
    default List<String> imageOptions() {
        return List.of();
    }

    /**
     * The body of a new credential for {@code owner} (fresh secret values, registered for the leak scan), which the
     * upstream accepts from now on and answers with {@code owner}'s identity.
     */
    Map<String, Object> newCredential(String owner);

    /** A merge patch that rotates the owner's credential: the upstream accepts only the new value afterwards. */
    Map<String, Object> rotate(String owner);

    /** The tools end to end through the runner's view of the pod; returns what was observed, for the summary. */
    String exercise(McpClient mcp, Runner runner) throws Exception;

    /**
     * A read-only tool call whose answer names the identity behind the credential the sidecar holds (the user's
     * login, profile, a marker only that credential can see); fails if the upstream refused the credential.
     */
    String whoAmI(McpClient mcp);

    /** The read-only call {@link #whoAmI} makes, raw: after a session ends it must be a tool error. */
    com.fasterxml.jackson.databind.JsonNode identityCall(McpClient mcp);

    /** The Authorization value (or other proof) the upstream last received from this sidecar, to compare with a token. */
    String lastCredentialSeenUpstream();

    /** What the upstream must have last seen for {@code owner}'s current credential. */
    String expectedUpstreamCredential(String owner);

    @Override
    void close();
}
