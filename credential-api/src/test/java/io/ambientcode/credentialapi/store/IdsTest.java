package io.ambientcode.credentialapi.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.credential.CredentialApiPaths;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsAreVersion7UuidsThatSortByTimeAndMatchTheIdPattern() {
        UUID early = Ids.newUuidV7(1_700_000_000_000L);
        UUID late = Ids.newUuidV7(1_700_000_000_001L);
        assertThat(early.version()).isEqualTo(7);
        assertThat(early.variant()).isEqualTo(2);
        assertThat(early.toString().compareTo(late.toString())).isNegative();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = Ids.newId();
            assertThat(CredentialApiPaths.CREDENTIAL_ID.matcher(id).matches()).isTrue();
            assertThat(seen.add(id)).isTrue();
        }
    }
}
