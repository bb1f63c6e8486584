package io.ambientcode.credentialapi.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ambientcode.credentialapi.store.CredentialStore.StoredToken;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredVersionsTest {

    @Test
    void refusesWhenARowUsesAVersionNoKeyOpens() {
        Keyring ring = Keyring.of(Map.of(1, TokenEnvelopeTest.key(), 2, TokenEnvelopeTest.key()), 2);
        TokenEnvelope env = new TokenEnvelope(ring);
        StoredVersions census = new StoredVersions();
        census.add(new StoredToken("a", env.seal("x", "a")));
        census.add(new StoredToken("b", new TokenEnvelope(ring.withCurrentVersion(1)).seal("x", "b")));
        census.add(new StoredToken("c", "enc:v7:" + env.seal("x", "c").substring(7)));
        census.add(new StoredToken("d", "plaintext-secret"));
        assertThat(census.countByVersion()).containsExactly(Map.entry(1, 1L), Map.entry(2, 1L), Map.entry(7, 1L));
        assertThat(census.malformedCount()).isEqualTo(1);
        assertThat(census.malformedIds()).containsExactly("d");
        assertThat(census.unopenable(ring)).containsExactly(7);
        assertThatThrownBy(() -> census.requireOpenable(ring)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("key version(s) [7]").hasMessageNotContaining("plaintext-secret");
    }

    @Test
    void acceptsWhenEveryVersionHasAKey() {
        Keyring ring = Keyring.of(Map.of(1, TokenEnvelopeTest.key()), 1);
        StoredVersions census = new StoredVersions();
        census.add(new StoredToken("a", new TokenEnvelope(ring).seal("x", "a")));
        census.requireOpenable(ring);
        new StoredVersions().requireOpenable(ring);
    }
}
