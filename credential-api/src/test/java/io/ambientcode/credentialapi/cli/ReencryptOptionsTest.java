package io.ambientcode.credentialapi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReencryptOptionsTest {

    @Test
    void parsesTheDocumentedArguments() {
        assertThat(ReencryptOptions.parse()).isEqualTo(new ReencryptOptions(false, 100, false));
        assertThat(ReencryptOptions.parse("--dry-run", "--batch-size", "7")).isEqualTo(new ReencryptOptions(true, 7, false));
        assertThat(ReencryptOptions.parse("--batch-size=10000")).isEqualTo(new ReencryptOptions(false, 10_000, false));
        assertThat(ReencryptOptions.parse("--help").help()).isTrue();
    }

    @Test
    void refusesAnythingElse() {
        for (String[] bad : new String[][] { { "--batch-size" }, { "--batch-size", "0" }, { "--batch-size", "10001" },
                { "--batch-size", "-1" }, { "--batch-size", "ten" }, { "--force" }, { "extra" } }) {
            assertThatThrownBy(() -> ReencryptOptions.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void usageErrorsExitWithTwoBeforeTouchingTheDatabase() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new ReencryptCommand().run(new String[] { "--batch-size", "0" },
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: reencrypt");
    }
}
