package io.ambientcode.credentialapi.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ambientcode.contracts.credential.ResolvedBindings;
import io.ambientcode.contracts.credential.ResolvedBindings.ResolvedCredential;
import io.ambientcode.credentialapi.store.BindingRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BindingResolverTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static BindingRecord b(String id, String agent, String credential, String provider, int minute) {
        return new BindingRecord(id, "p", agent, credential, provider, "u", T0.plusSeconds(60L * minute));
    }

    @Test
    void agentLevelBeatsProjectLevelAndEarliestWinsWithinALevel() {
        List<BindingRecord> applicable = List.of(
                b("b1", null, "gh-project-late", "github", 5),
                b("b2", null, "gh-project-early", "github", 1),
                b("b3", "a", "gh-agent-late", "github", 9),
                b("b4", "a", "gh-agent-early", "github", 7),
                b("b5", null, "jira-1", "jira", 3));
        ResolvedBindings r = BindingResolver.resolve("p", "a", applicable);
        assertThat(r.credentials()).containsExactly(
                new ResolvedCredential("github", "gh-agent-early", "b4", "agent"),
                new ResolvedCredential("jira", "jira-1", "b5", "project"));
        ResolvedBindings projectOnly = BindingResolver.resolve("p", null,
                applicable.stream().filter(x -> x.agent() == null).toList());
        assertThat(projectOnly.credentials().get(0).credentialId()).isEqualTo("gh-project-early");
    }

    @Test
    void sameInstantFallsBackToTheLowerBindingId() {
        ResolvedBindings r = BindingResolver.resolve("p", null,
                List.of(b("b9", null, "x", "github", 1), b("b2", null, "y", "github", 1)));
        assertThat(r.credentials().get(0).credentialId()).isEqualTo("y");
    }

    @Test
    void providersComeInRegistryOrderWithStorableOnlyOnesLast() {
        ResolvedBindings r = BindingResolver.resolve("p", null, List.of(
                b("1", null, "g", "google", 1), b("2", null, "gl", "gitlab", 1), b("3", null, "k", "kubeconfig", 1),
                b("4", null, "gh", "github", 1), b("5", null, "j", "jira", 1)));
        assertThat(r.credentials()).extracting(ResolvedCredential::provider)
                .containsExactly("github", "jira", "kubeconfig", "google", "gitlab");
    }

    @Test
    void explicitResolutionChecksBindingAndProviderUniqueness() {
        List<BindingRecord> applicable = List.of(b("b1", null, "gh1", "github", 1), b("b2", "a", "gh2", "github", 2),
                b("b3", null, "j1", "jira", 3), b("b4", "a", "j1", "jira", 4));
        ResolvedBindings r = BindingResolver.explicit("p", "a", applicable, List.of("gh2", "j1", "gh2"));
        assertThat(r.credentials()).containsExactly(new ResolvedCredential("github", "gh2", "b2", "agent"),
                new ResolvedCredential("jira", "j1", "b4", "agent"));
        assertThatThrownBy(() -> BindingResolver.explicit("p", "a", applicable, List.of("gh1", "gh2")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("duplicate_provider");
                });
        assertThatThrownBy(() -> BindingResolver.explicit("p", "a", applicable, List.of("nope")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("credential_not_bound"));
    }
}
