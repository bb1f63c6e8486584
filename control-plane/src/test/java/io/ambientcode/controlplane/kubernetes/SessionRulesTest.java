package io.ambientcode.controlplane.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.AgenticSessionStatus;
import io.ambientcode.controlplane.status.SessionConditions;
import io.ambientcode.controlplane.status.SessionStatuses;
import io.ambientcode.controlplane.support.Sessions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation, stop requests, event filtering and the credential API backoff, without a cluster. */
class SessionRulesTest {

    @Test
    void validatorNamesFieldsWithoutEchoingValues() {
        AgenticSession s = Sessions.session("ns", "x".repeat(239), "Bad_Project");
        s.getSpec().setAgent("UPPER");
        s.getSpec().getRunner().setImage("");
        s.getSpec().setCredentials(List.of("cred-gh-000001", "ghp_secretlookingvalue!", "short"));
        s.getSpec().setTimeout("1d");
        List<String> problems = SessionValidator.problems(s);
        assertThat(problems).hasSize(6);
        assertThat(String.join(" ", problems)).contains("metadata.name", "spec.project", "spec.agent", "spec.runner.image",
                "2 malformed ids", "spec.timeout").doesNotContain("ghp_", "Bad_Project");

        assertThat(SessionValidator.problems(Sessions.session("ns", "ok", "ok"))).isEmpty();
    }

    @Test
    void stopIsTheSpecFieldOrTheAnnotation() {
        AgenticSession s = Sessions.session("ns", "s", "p");
        assertThat(StopRequest.isRequested(s)).isFalse();
        s.getMetadata().getAnnotations().put(AgenticSession.STOP_ANNOTATION, " TRUE ");
        assertThat(StopRequest.isRequested(s)).isTrue();
        s.getMetadata().getAnnotations().put(AgenticSession.STOP_ANNOTATION, "no");
        assertThat(StopRequest.isRequested(s)).isFalse();
        s.getSpec().setStop(true);
        assertThat(StopRequest.isRequested(s)).isTrue();
    }

    @Test
    void onlySpecAndStopChangesTriggerAReconcile() {
        SessionUpdateFilter filter = new SessionUpdateFilter();
        AgenticSession old = Sessions.session("ns", "s", "p");
        old.getMetadata().setGeneration(3L);
        AgenticSession statusOnly = Sessions.session("ns", "s", "p");
        statusOnly.getMetadata().setGeneration(3L);
        statusOnly.getStatus().setPodName("s");
        assertThat(filter.accept(statusOnly, old)).isFalse();

        AgenticSession specChange = Sessions.session("ns", "s", "p");
        specChange.getMetadata().setGeneration(4L);
        assertThat(filter.accept(specChange, old)).isTrue();

        AgenticSession stopped = Sessions.session("ns", "s", "p");
        stopped.getMetadata().setGeneration(3L);
        stopped.getMetadata().getAnnotations().put(AgenticSession.STOP_ANNOTATION, "true");
        assertThat(filter.accept(stopped, old)).isTrue();

        AgenticSession otherAnnotation = Sessions.session("ns", "s", "p");
        otherAnnotation.getMetadata().setGeneration(3L);
        otherAnnotation.getMetadata().getAnnotations().put("note", "hello");
        assertThat(filter.accept(otherAnnotation, old)).isFalse();
    }

    @Test
    void backoffGrowsWithTheOutageAndIsCapped() {
        CredentialBackoff backoff = new CredentialBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        AgenticSessionStatus fresh = new AgenticSessionStatus();
        assertThat(backoff.next(fresh, start)).isEqualTo(Duration.ofSeconds(1));

        AgenticSessionStatus down = SessionStatuses.credentialsUnresolved(fresh, SessionConditions.REASON_API_UNAVAILABLE,
                "503", 1L, start);
        assertThat(backoff.next(down, start)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.next(down, start.plusSeconds(8))).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.next(down, start.plusSeconds(3600))).isEqualTo(Duration.ofSeconds(60));

        AgenticSessionStatus refused = SessionStatuses.credentialsUnresolved(fresh, SessionConditions.REASON_API_FORBIDDEN,
                "403", 1L, start);
        assertThat(backoff.next(refused, start.plusSeconds(3600))).isEqualTo(Duration.ofSeconds(1));
    }
}
