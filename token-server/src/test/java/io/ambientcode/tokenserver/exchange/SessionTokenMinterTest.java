package io.ambientcode.tokenserver.exchange;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionTokenMinterTest {

    @Test
    void lifetimeIsCappedAt900Seconds() {
        assertThat(new SessionTokenMinter(Duration.ofSeconds(900)).lifetime()).hasSeconds(900);
        assertThatThrownBy(() -> new SessionTokenMinter(Duration.ofSeconds(901)))
                .hasMessageContaining("ambient.token.session-token-lifetime");
        assertThatThrownBy(() -> new SessionTokenMinter(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
