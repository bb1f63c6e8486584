package io.ambientcode.sidecar.k8s.render;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code resource} argument of {@code resources_create_or_update}: one YAML or JSON object, or several YAML
 * documents separated by {@code ---}. Each needs {@code apiVersion}, {@code kind} and {@code metadata.name}.
 * Errors name the document and the field, and the position of a syntax error, never the text. Pure.
 */
public final class Manifests {

    public static final int MAX_DOCUMENTS = 50;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Manifests() {
    }

    public static List<GenericKubernetesResource> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("missing required parameter: resource");
        }
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNextValue()) {
                JsonNode doc = it.nextValue();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
                if (docs.size() > MAX_DOCUMENTS) {
                    throw new IllegalArgumentException("at most " + MAX_DOCUMENTS + " documents per call");
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException("resource is not valid YAML or JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("resource is not valid YAML or JSON");
        }
        if (docs.isEmpty()) {
            throw new IllegalArgumentException("resource holds no document");
        }
        List<GenericKubernetesResource> out = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            out.add(resource(docs.get(i), docs.size() == 1 ? "resource" : "document " + (i + 1)));
        }
        return out;
    }

    private static GenericKubernetesResource resource(JsonNode doc, String where) {
        if (!doc.isObject()) {
            throw new IllegalArgumentException(where + " is not an object");
        }
        if (!doc.path("apiVersion").isTextual() || doc.path("apiVersion").asText().isBlank()) {
            throw new IllegalArgumentException(where + ": apiVersion is required");
        }
        if (!doc.path("kind").isTextual() || doc.path("kind").asText().isBlank()) {
            throw new IllegalArgumentException(where + ": kind is required");
        }
        if (doc.path("kind").asText().endsWith("List")) {
            throw new IllegalArgumentException(where + ": a " + doc.path("kind").asText()
                    + " is not applied as one object; pass its items as separate YAML documents (---)");
        }
        if (!doc.path("metadata").path("name").isTextual() || doc.path("metadata").path("name").asText().isBlank()) {
            throw new IllegalArgumentException(where + ": metadata.name is required");
        }
        try {
            return YAML.treeToValue(doc, GenericKubernetesResource.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " is not a Kubernetes object");
        }
    }
}
