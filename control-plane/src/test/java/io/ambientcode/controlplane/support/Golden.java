package io.ambientcode.controlplane.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Golden-file comparison of a session's pod and proofs Secret. What differs between runs is masked, after being
 * checked: the session uid, the token server key generated for the run, and the proofs (which must each be 32 random
 * bytes, base64url). Server-populated fields (uid, resourceVersion, timestamps, status) are dropped. Run with
 * {@code -Dgolden.update=true} to rewrite the file after an intended change, and review the diff.
 */
public final class Golden {

    public static final Path FILE = Path.of("src/test/resources/golden/session-four-providers.yaml");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.SPLIT_LINES));

    private Golden() {
    }

    /** The normalized YAML of the pod followed by the Secret. */
    public static String normalize(Pod pod, Secret secret, String sessionUid, String tokenServerPublicKey) {
        Map<String, String> masks = Map.of(sessionUid, "<session-uid>", tokenServerPublicKey, "<token-server-public-key>");
        ObjectNode podNode = tree(pod);
        ObjectNode secretNode = tree(secret);
        ObjectNode data = (ObjectNode) secretNode.get("data");
        if (data != null) {
            for (Iterator<String> keys = data.fieldNames(); keys.hasNext();) {
                String key = keys.next();
                String proof = new String(Base64.getDecoder().decode(data.get(key).asText()), StandardCharsets.UTF_8);
                assertThat(proof).as("proof for %s is 32 random bytes, base64url", key).matches("[A-Za-z0-9_-]{43}");
                data.set(key, TextNode.valueOf("<proof:" + key + ">"));
            }
        }
        mask(podNode, masks);
        mask(secretNode, masks);
        try {
            return "# pod\n" + YAML.writeValueAsString(podNode) + "---\n# proofs Secret\n" + YAML.writeValueAsString(secretNode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compares with the checked-in file, or rewrites it when {@code -Dgolden.update=true}. */
    public static void assertMatches(String normalized) {
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(FILE.getParent());
                Files.writeString(FILE, normalized);
            }
            assertThat(normalized).as("pod and Secret differ from %s (rerun with -Dgolden.update=true after an "
                    + "intended change)", FILE).isEqualTo(Files.readString(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode tree(HasMetadata resource) {
        ObjectNode node = (ObjectNode) SERIALIZATION.convertValue(resource, JsonNode.class);
        node.remove("status");
        ObjectNode metadata = (ObjectNode) node.get("metadata");
        for (String field : List.of("uid", "resourceVersion", "creationTimestamp", "generation", "managedFields")) {
            metadata.remove(field);
        }
        if (metadata.has("annotations") && metadata.get("annotations").isEmpty()) {
            metadata.remove("annotations");
        }
        return node;
    }

    private static void mask(JsonNode node, Map<String, String> masks) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual() && masks.containsKey(field.getValue().asText())) {
                    field.setValue(TextNode.valueOf(masks.get(field.getValue().asText())));
                } else {
                    mask(field.getValue(), masks);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual() && masks.containsKey(array.get(i).asText())) {
                    array.set(i, TextNode.valueOf(masks.get(array.get(i).asText())));
                } else {
                    mask(array.get(i), masks);
                }
            }
        }
    }
}
