package io.ambientcode.credentialapi.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void defaultsAndOffsets() {
        assertThat(PageRequest.parse(null, null, 20, 100)).isEqualTo(new PageRequest(1, 20));
        assertThat(PageRequest.parse("3", "10", 20, 100).offset()).isEqualTo(20);
        assertThat(PageRequest.parse("1", "100", 20, 100).size()).isEqualTo(100);
    }

    @Test
    void invalidValuesNameTheParameter() {
        for (String[] bad : new String[][] { { "0", null }, { "-1", null }, { "x", null }, { "1e2", null },
                { "1", "0" }, { "1", "101" }, { "1", " 5" }, { "99999999", null } }) {
            assertThatThrownBy(() -> PageRequest.parse(bad[0], bad[1], 20, 100))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.code()).isEqualTo("invalid_paging");
                        assertThat(e.field()).isIn("page", "size");
                    });
        }
    }
}
