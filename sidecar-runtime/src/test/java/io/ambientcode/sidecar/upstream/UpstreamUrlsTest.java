package io.ambientcode.sidecar.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpstreamUrlsTest {

    @Test
    void queryKeepsNonBlankValuesEncodedAndRepeatsIterables() {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("q", "is:open label:\"needs review\"");
        q.put("blank", " ");
        q.put("none", null);
        q.put("page", 2);
        q.put("label", List.of("a&b", "c"));
        assertThat(UpstreamUrls.query(q)).isEqualTo("?q=is%3Aopen+label%3A%22needs+review%22&page=2&label=a%26b&label=c");
        assertThat(UpstreamUrls.query(Map.of())).isEmpty();
        assertThat(UpstreamUrls.query(Map.of("only", ""))).isEmpty();
    }

    @Test
    void aSegmentCannotLeaveItsPlace() {
        assertThat(UpstreamUrls.segment("../../admin")).isEqualTo("..%2F..%2Fadmin");
        assertThat(UpstreamUrls.segment("feature/x y")).isEqualTo("feature%2Fx%20y");
        assertThat(UpstreamUrls.segment("PROJ-1")).isEqualTo("PROJ-1");
        assertThatThrownBy(() -> UpstreamUrls.segment(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UpstreamUrls.segment(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPathKeepsItsSlashesAndEncodesEachPart() {
        assertThat(UpstreamUrls.path("/docs/read me.md")).isEqualTo("docs/read%20me.md");
        assertThat(UpstreamUrls.path("a/b?c#d")).isEqualTo("a/b%3Fc%23d");
        assertThat(UpstreamUrls.path(null)).isEmpty();
    }
}
