package io.ambientcode.contracts.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgenticSessionModelTest {

    @Test
    void generatedCrdHasStatusSubresourceColumnsAndValidation() throws Exception {
        JsonNode crd;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/fabric8/agenticsessions.ambient-code.io-v1.yml")) {
            assertThat(in).as("CRD generated at build time").isNotNull();
            crd = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        assertThat(crd.at("/metadata/name").asText()).isEqualTo(AgenticSession.CRD_NAME);
        JsonNode version = crd.at("/spec/versions/0");
        assertThat(version.at("/name").asText()).isEqualTo("v1alpha1");
        assertThat(version.at("/subresources/status").isObject()).isTrue();
        assertThat(version.at("/additionalPrinterColumns").findValuesAsText("name")).contains("Phase", "Project", "Age");
        JsonNode spec = version.at("/schema/openAPIV3Schema/properties/spec");
        assertThat(spec.at("/required").toString()).contains("project", "runner");
        assertThat(spec.at("/properties/runner/required").toString()).contains("image");
        assertThat(spec.at("/properties/runner/properties/env/items/properties/name/pattern").asText()).isNotEmpty();
        assertThat(spec.at("/properties/credentials/x-kubernetes-validations/0/rule").asText()).contains("matches");
    }

    @Test
    void roundTripsThroughKubernetesJson() {
        AgenticSession s = new AgenticSession();
        s.getMetadata().setName("demo");
        s.getSpec().setProject("payments");
        RunnerSpec runner = new RunnerSpec();
        runner.setImage("quay.io/example/runner:1.0");
        runner.setEnv(List.of(new RunnerEnvVar("LOG_LEVEL", "debug")));
        s.getSpec().setRunner(runner);
        s.getStatus().setPhase(SessionPhase.Running);
        s.getStatus().setCredentials(Map.of("github", "cred-00000001"));

        String json = Serialization.asJson(s);
        assertThat(json).contains("\"apiVersion\":\"ambient-code.io/v1alpha1\"", "\"kind\":\"AgenticSession\"");
        AgenticSession back = Serialization.unmarshal(json, AgenticSession.class);
        assertThat(back.getSpec().getRunner().getEnv().get(0).getName()).isEqualTo("LOG_LEVEL");
        assertThat(back.getStatus().getPhase()).isEqualTo(SessionPhase.Running);
        assertThat(back.getStatus().getCredentials()).containsEntry("github", "cred-00000001");
    }

    @Test
    void phasesThatMayMintTokens() {
        assertThat(SessionPhase.isLive(null)).isTrue();
        assertThat(SessionPhase.isLive(SessionPhase.Pending)).isTrue();
        assertThat(SessionPhase.isLive(SessionPhase.Running)).isTrue();
        assertThat(SessionPhase.isLive(SessionPhase.Succeeded)).isFalse();
        assertThat(SessionPhase.isLive(SessionPhase.Failed)).isFalse();
        assertThat(SessionPhase.isLive(SessionPhase.Stopped)).isFalse();
    }

    @Test
    void proofsAreFreshRandomBase64Url() {
        String a = ProofSecret.newProof();
        assertThat(a).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(ProofSecret.newProof());
        assertThat(ProofSecret.nameFor("demo")).isEqualTo("demo-sidecar-proofs");
        assertThat(RunnerEnv.gitInsteadOfKey(8091)).isEqualTo("url.http://localhost:8091/git/.insteadOf");
        assertThat(SidecarEnv.proofFile("jira")).isEqualTo("/var/run/ambient/proof/jira");
    }
}
