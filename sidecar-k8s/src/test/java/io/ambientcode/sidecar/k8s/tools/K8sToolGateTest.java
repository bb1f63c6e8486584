package io.ambientcode.sidecar.k8s.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class K8sToolGateTest {

    @Test
    void execNeedsItsSwitch() {
        assertThat(new K8sToolGate(false, false).exposes("pods_exec", true)).isFalse();
        assertThat(new K8sToolGate(true, false).exposes("pods_exec", true)).isTrue();
        assertThat(new K8sToolGate(false, false).exposes("pods_delete", true)).isTrue();
    }

    @Test
    void disableDestructiveHidesDestructiveAndUnannotatedTools() {
        K8sToolGate gate = new K8sToolGate(true, true);
        assertThat(gate.exposes("pods_delete", true)).isFalse();
        assertThat(gate.exposes("pods_exec", true)).isFalse();
        assertThat(gate.exposes("mystery", null)).as("no annotations counts as destructive").isFalse();
        assertThat(gate.exposes("pods_list", false)).isTrue();
        assertThat(gate.exposes("refresh_credentials", false)).isTrue();
    }
}
