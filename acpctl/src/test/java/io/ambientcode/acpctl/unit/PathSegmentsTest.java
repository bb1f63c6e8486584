package io.ambientcode.acpctl.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ambientcode.acpctl.credential.CredentialApi;
import io.ambientcode.acpctl.http.PathSegments;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathSegmentsTest {

    @ParameterizedTest
    @CsvSource({ "demo,demo", "team.a_b-c~,team.a_b-c~", "a/b,a%2Fb", "a b,a%20b", "x?y#z,x%3Fy%23z", "é,%C3%A9",
            "'..a',..a", "%2e%2e,%252e%252e" })
    void encodesEverythingOutsideTheUnreservedSet(String in, String out) {
        assertThat(PathSegments.encode(in, "project")).isEqualTo(out);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", ".", ".." })
    void refusesSegmentsThatNameAnotherRoute(String in) {
        assertThatThrownBy(() -> PathSegments.encode(in, "project")).hasMessage("project must not be empty, '.' or '..'");
    }

    @ParameterizedTest
    @ValueSource(strings = { "short", "../../whoami", "0190c3a4 aaaa", "a/b/c/d/e/f/g/h", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" })
    void idsOutsideTheServersAlphabetAreRefused(String id) {
        assertThatThrownBy(() -> CredentialApi.checkId(id, "credential id")).hasMessageContaining("is not a valid credential id");
    }
}
