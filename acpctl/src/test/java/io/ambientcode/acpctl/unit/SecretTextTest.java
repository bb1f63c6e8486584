package io.ambientcode.acpctl.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ambientcode.acpctl.auth.SecretText;
import io.ambientcode.acpctl.cli.CliException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretTextTest {

    static String read(String text) {
        return SecretText.fromStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test");
    }

    @Test
    void onlyTrailingLineBreaksAreRemoved() {
        assertThat(read("ghp_abc\n")).isEqualTo("ghp_abc");
        assertThat(read("ghp_abc\r\n\n")).isEqualTo("ghp_abc");
        assertThat(read("  spaced token  \n")).isEqualTo("  spaced token  ");
        assertThat(read("a: 1\nb:\n  - x\n")).isEqualTo("a: 1\nb:\n  - x");
    }

    @Test
    void emptyOversizedAndNonUtf8AreUsageErrorsThatNeverQuoteTheInput() {
        assertThatThrownBy(() -> read("\n\n")).isInstanceOf(CliException.class).hasMessage("no token on test");
        String big = "x".repeat(SecretText.MAX_BYTES + 1);
        assertThatThrownBy(() -> read(big)).hasMessage("the token from test is larger than 64 KiB");
        assertThat(read("y".repeat(SecretText.MAX_BYTES))).hasSize(SecretText.MAX_BYTES);
        byte[] latin1 = "caf\u00e9-secret".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> SecretText.fromStream(new ByteArrayInputStream(latin1), "test"))
                .hasMessage("the token from test is not UTF-8 text")
                .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(2));
    }

    @Test
    void promptInputIsWipedAfterUse() {
        char[] typed = "ghp_typed".toCharArray();
        assertThat(SecretText.fromChars(typed, "prompt")).isEqualTo("ghp_typed");
        assertThat(new String(typed)).isEqualTo("\0".repeat(9));
        assertThatThrownBy(() -> SecretText.fromChars(null, "prompt")).hasMessage("no token entered at the prompt");
    }
}
