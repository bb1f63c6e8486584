package io.ambientcode.acpctl.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

/** Leak scans: a secret must appear nowhere acpctl writes or sends, except where the test allows it. */
public final class Leaks {

    private Leaks() {
    }

    /** Not in any stdout or stderr of the runs. */
    public static void assertNotPrinted(String secret, List<Run> runs) {
        for (Run r : runs) {
            assertThat(r.out()).as("stdout").doesNotContain(secret);
            assertThat(r.err()).as("stderr").doesNotContain(secret);
        }
    }

    /** Not in any URL or header of any request the server received (bodies are checked by the caller). */
    public static void assertNotInUrlsOrHeaders(String secret, WireMockServer server) {
        for (LoggedRequest r : server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()))) {
            assertThat(r.getAbsoluteUrl()).as("request URL").doesNotContain(secret);
            r.getHeaders().all().forEach(h -> assertThat(h.values()).as("header " + h.key()).noneMatch(v -> v.contains(secret)));
        }
    }
}
