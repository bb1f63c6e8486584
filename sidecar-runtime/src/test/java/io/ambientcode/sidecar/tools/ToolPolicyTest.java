package io.ambientcode.sidecar.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ToolPolicyTest {

    @Test
    void readOnlyHidesWritesEvenWhenAllowListed() {
        ToolPolicy p = new ToolPolicy(true, Set.of("create_issue", "get_me"), Set.of());
        assertThat(p.exposes("get_me", true)).isTrue();
        assertThat(p.exposes("create_issue", false)).isFalse();
        assertThat(p.exposes("list_issues", true)).isFalse();
    }

    @Test
    void allowAndDenyLists() {
        assertThat(new ToolPolicy(false, Set.of(), Set.of()).exposes("anything", false)).isTrue();
        ToolPolicy deny = new ToolPolicy(false, Set.of(), Set.of("delete_file"));
        assertThat(deny.exposes("delete_file", false)).isFalse();
        assertThat(deny.exposes("get_me", true)).isTrue();
        ToolPolicy both = new ToolPolicy(false, Set.of("get_me", "delete_file"), Set.of("delete_file"));
        assertThat(both.exposes("delete_file", false)).isFalse();
        assertThat(both.exposes("get_me", true)).isTrue();
        assertThat(both.exposes("list_issues", true)).isFalse();
    }
}
