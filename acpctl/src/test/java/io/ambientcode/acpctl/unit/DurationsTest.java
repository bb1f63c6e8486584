package io.ambientcode.acpctl.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ambientcode.acpctl.cli.Durations;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({ "30s,PT30S", "5m,PT5M", "1h,PT1H", "1h30m,PT1H30M", "2h5m10s,PT2H5M10S", "500ms,PT0.5S",
            "1m500ms,PT1M0.5S", "90,PT1M30S", " 45s ,PT45S" })
    void parsesWhatPeopleType(String text, String iso) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "soon", "5x", "m", "1.5h", "-5s", "5 m", "1d" })
    void refusesTheRest(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(TypeConversionException.class);
    }

    @Test
    void formatsShortAndAgesCoarse() {
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(Durations.format(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(Durations.format(Duration.ofHours(12))).isEqualTo("12h");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(Durations.age(Duration.ofSeconds(59))).isEqualTo("59s");
        assertThat(Durations.age(Duration.ofMinutes(10))).isEqualTo("10m");
        assertThat(Durations.age(Duration.ofHours(5))).isEqualTo("5h");
        assertThat(Durations.age(Duration.ofDays(3))).isEqualTo("3d");
        assertThat(Durations.age(Duration.ofSeconds(-5))).as("clock skew").isEqualTo("0s");
    }
}
