package io.ambientcode.sidecar.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ToolPolicyTest {

    static final boolean READ = true;
    static final boolean WRITE = false;
    static final boolean DESTRUCTIVE = true;
    static final boolean ADDITIVE = false;

    @Test
    void readOnlyHidesWritesEvenWhenAllowListed() {
        ToolPolicy p = new ToolPolicy(true, false, Set.of("create_issue", "get_me"), Set.of());
        assertThat(p.exposes("get_me", READ, ADDITIVE)).isTrue();
        assertThat(p.exposes("create_issue", WRITE, ADDITIVE)).isFalse();
        assertThat(p.exposes("list_issues", READ, ADDITIVE)).isFalse();
    }

    @Test
    void disableDestructiveHidesDestructiveWritesOnly() {
        ToolPolicy p = new ToolPolicy(false, true, Set.of(), Set.of());
        assertThat(p.exposes("delete_file", WRITE, DESTRUCTIVE)).isFalse();
        assertThat(p.exposes("create_issue", WRITE, ADDITIVE)).isTrue();
        assertThat(p.exposes("get_me", READ, ADDITIVE)).isTrue();
        // a read-only tool is never destructive, whatever its destructive hint says (MCP: the hint is meaningful only
        // for tools that are not read-only); a tool without annotations arrives as (WRITE, DESTRUCTIVE): hidden
        assertThat(p.exposes("get_me", READ, DESTRUCTIVE)).isTrue();
        assertThat(new ToolPolicy(false, true, Set.of("delete_file"), Set.of()).exposes("delete_file", WRITE, DESTRUCTIVE))
                .as("the mode wins over the allow-list").isFalse();
        assertThat(new ToolPolicy(false, false, Set.of(), Set.of()).exposes("delete_file", WRITE, DESTRUCTIVE)).isTrue();
    }

    @Test
    void allowAndDenyLists() {
        assertThat(new ToolPolicy(false, false, Set.of(), Set.of()).exposes("anything", WRITE, DESTRUCTIVE)).isTrue();
        ToolPolicy deny = new ToolPolicy(false, false, Set.of(), Set.of("delete_file"));
        assertThat(deny.exposes("delete_file", WRITE, DESTRUCTIVE)).isFalse();
        assertThat(deny.exposes("get_me", READ, ADDITIVE)).isTrue();
        ToolPolicy both = new ToolPolicy(false, false, Set.of("get_me", "delete_file"), Set.of("delete_file"));
        assertThat(both.exposes("delete_file", WRITE, DESTRUCTIVE)).isFalse();
        assertThat(both.exposes("get_me", READ, ADDITIVE)).isTrue();
        assertThat(both.exposes("list_issues", READ, ADDITIVE)).isFalse();
    }
}
