package io.ambientcode.acpctl.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ambientcode.acpctl.output.Table;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void columnsAlignToTheWidestCellWithoutTrailingBlanks() {
        String out = Table.of("ID", "NAME", "URL").row("1", "short", null).row("22222", "a-much-longer-name", "").render();
        assertThat(out).isEqualTo("""
                ID      NAME                 URL
                1       short                -
                22222   a-much-longer-name   -
                """);
    }

    @Test
    void detailsHaveNoHeaderAndAlignValues() {
        assertThat(Table.details().field("id", "x").field("created-at", 5).render())
                .isEqualTo("id:           x\ncreated-at:   5\n");
    }

    @Test
    void controlCharactersFromAServerNeverReachTheTerminalRaw() {
        String out = Table.of("A").row("evil\u001b[2J\nsecond line").render();
        assertThat(out).isEqualTo("A\nevil [2J second line\n");
    }

    @Test
    void rowsMustMatchTheColumns() {
        assertThatThrownBy(() -> Table.of("A", "B").row("only one")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Table.of("A").render()).isEqualTo("A\n");
        assertThat(Table.details().render()).isEmpty();
    }
}
