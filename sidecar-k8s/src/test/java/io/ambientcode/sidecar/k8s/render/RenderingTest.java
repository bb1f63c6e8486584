package io.ambientcode.sidecar.k8s.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Output shaping, pure: masking, YAML, table, manifests, events. */
class RenderingTest {

    static GenericKubernetesResource secret() {
        return new GenericKubernetesResourceBuilder().withApiVersion("v1").withKind("Secret")
                .withNewMetadata().withName("s").withNamespace("n")
                .addToAnnotations(SecretMasking.LAST_APPLIED, "{\"data\":{\"k\":\"dmFsdWU=\"}}").endMetadata()
                .addToAdditionalProperties("data", Map.of("k", "dmFsdWU=", "other", "b3RoZXI="))
                .addToAdditionalProperties("stringData", Map.of("plain", "value"))
                .addToAdditionalProperties("type", "Opaque").build();
    }

    @Test
    void secretValuesAreMaskedKeysAndTypeKept() {
        String yaml = Rendering.yaml(SecretMasking.mask(secret()));
        assertThat(yaml).contains("k: '***'").contains("other: '***'").contains("plain: '***'").contains("type: Opaque")
                .contains(SecretMasking.LAST_APPLIED + ": '***'")
                .doesNotContain("dmFsdWU=").doesNotContain("b3RoZXI=").doesNotContain(": value");
    }

    @Test
    void yamlHasNoManagedFieldsNoDocumentMarkerAndQuotesNumericStrings() {
        GenericKubernetesResource r = new GenericKubernetesResourceBuilder().withApiVersion("v1").withKind("ConfigMap")
                .withNewMetadata().withName("c").withResourceVersion("42")
                .withManagedFields(new ManagedFieldsEntry()).endMetadata()
                .addToAdditionalProperties("data", Map.of("port", "8080", "flag", "true")).build();
        String yaml = Rendering.yaml(r);
        assertThat(yaml).startsWith("apiVersion: v1\n").doesNotContain("managedFields").doesNotContain("---")
                .contains("resourceVersion: \"42\"").contains("port: \"8080\"").contains("flag: \"true\"");
    }

    @Test
    void capCutsWithANote() {
        assertThat(Rendering.capped("short", 100)).isEqualTo("short");
        assertThat(Rendering.capped("x".repeat(50), 10)).startsWith("xxxxxxxxxx\n# [output cut at 10 bytes of 50;");
    }

    @Test
    void tableShowsNamespaceStatusAgeAndLabels() {
        Instant now = Instant.parse("2026-01-10T00:00:00Z");
        GenericKubernetesResource a = new GenericKubernetesResourceBuilder().withNewMetadata().withName("web-1")
                .withNamespace("team-a").withCreationTimestamp("2026-01-09T23:59:30Z").addToLabels("app", "web")
                .endMetadata().build();
        GenericKubernetesResource b = new GenericKubernetesResourceBuilder().withNewMetadata().withName("db")
                .withNamespace("team-b").withCreationTimestamp("2026-01-07T00:00:00Z").endMetadata().build();
        String table = Table.render(List.of(a, b), "v1", "Pod", true, r -> r == a ? "Running" : null, now);
        assertThat(table.lines().toList()).containsExactly(
                "NAMESPACE   APIVERSION   KIND   NAME    STATUS    AGE   LABELS",
                "team-a      v1           Pod    web-1   Running   30s   app=web",
                "team-b      v1           Pod    db      -         3d    <none>");
        assertThat(Table.render(List.of(), "v1", "Pod", true, null, now)).isEqualTo("# No Pod resources found");
        assertThat(Table.age("2026-01-09T22:30:00Z", now)).isEqualTo("90m");
        assertThat(Table.age("2026-01-09T21:00:00Z", now)).isEqualTo("3h");
        assertThat(Table.age("garbage", now)).isEqualTo("-");
    }

    @Test
    void manifestsParseYamlDocumentsAndJsonAndNameTheirFaults() {
        List<GenericKubernetesResource> two = Manifests.parse("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: a}
                ---
                ---
                {"apiVersion": "example.com/v1", "kind": "Widget", "metadata": {"name": "b"}, "spec": {"n": 1}}
                """);
        assertThat(two).extracting(GenericKubernetesResource::getKind).containsExactly("ConfigMap", "Widget");
        assertThat(two.get(1).getAdditionalProperties().get("spec")).isEqualTo(Map.of("n", 1));
        assertThatThrownBy(() -> Manifests.parse(" ")).hasMessage("missing required parameter: resource");
        // a root sequence is read as one document per element (a JSON array of manifests works)
        assertThatThrownBy(() -> Manifests.parse("- a\n- b")).hasMessage("document 1 is not an object");
        assertThatThrownBy(() -> Manifests.parse("kind: X\nmetadata: {name: a}")).hasMessage("resource: apiVersion is required");
        assertThatThrownBy(() -> Manifests.parse("apiVersion: v1\nkind: List\nmetadata: {name: a}"))
                .hasMessageStartingWith("resource: a List is not applied as one object");
        assertThatThrownBy(() -> Manifests.parse("apiVersion: v1\nkind: A\nmetadata: {name: a}\n---\napiVersion: v1\n"))
                .hasMessage("document 2: kind is required");
        assertThatThrownBy(() -> Manifests.parse("a: [secret-value-in-input")).hasMessageStartingWith(
                "resource is not valid YAML or JSON (line").hasMessageNotContaining("secret-value");
        String many = "apiVersion: v1\nkind: A\nmetadata: {name: a}\n---\n".repeat(Manifests.MAX_DOCUMENTS + 1);
        assertThatThrownBy(() -> Manifests.parse(many)).hasMessage("at most 50 documents per call");
    }

    @Test
    void eventsAsThePeerPrintsThem() {
        GenericKubernetesResource e = new GenericKubernetesResourceBuilder().withApiVersion("v1").withKind("Event")
                .withNewMetadata().withName("e").withNamespace("default").endMetadata()
                .addToAdditionalProperties("type", "Normal").addToAdditionalProperties("reason", "Pulled")
                .addToAdditionalProperties("message", " pulled image \n")
                .addToAdditionalProperties("firstTimestamp", "2026-01-01T00:00:00Z")
                .addToAdditionalProperties("involvedObject", Map.of("apiVersion", "v1", "kind", "Pod", "name", "p"))
                .build();
        assertThat(Events.render(List.of(e))).isEqualTo("""
                # The following events (YAML format) were found:
                - Namespace: default
                  Timestamp: 2026-01-01T00:00:00Z
                  Type: Normal
                  Reason: Pulled
                  InvolvedObject:
                    apiVersion: v1
                    Kind: Pod
                    Name: p
                  Message: pulled image
                """);
        assertThat(Events.render(List.of())).isEqualTo("# No events found");
    }
}
