package io.ambientcode.sidecar.k8s.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Disable-destructive is the runtime's ({@code ToolPolicyTest}); the k8s gate is about exec only. */
class K8sToolGateTest {

    @Test
    void execNeedsItsSwitchAndNothingElseIsGated() {
        assertThat(new K8sToolGate(false).exposes("pods_exec")).isFalse();
        assertThat(new K8sToolGate(true).exposes("pods_exec")).isTrue();
        assertThat(new K8sToolGate(false).exposes("pods_delete")).isTrue();
        assertThat(new K8sToolGate(false).exposes("resources_delete")).isTrue();
    }
}
