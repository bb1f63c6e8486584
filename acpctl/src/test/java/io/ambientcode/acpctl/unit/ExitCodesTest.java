package io.ambientcode.acpctl.unit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.acpctl.cli.ExitCodes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExitCodesTest {

    @ParameterizedTest
    @CsvSource({ "400,2", "413,2", "415,2", "422,2", "401,1", "403,1", "404,4", "409,5", "412,5", "429,1", "500,1",
            "502,1", "503,1", "302,1" })
    void httpStatusesMapToDocumentedCodes(int status, int code) {
        assertThat(ExitCodes.forHttpStatus(status)).isEqualTo(code);
    }
}
