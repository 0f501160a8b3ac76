package dev.caravan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The OpenSearch Dashboards saved objects must load as they are: every reference resolves, and
 * every field a visualisation aggregates exists in the index template and is not nested
 * (Dashboards' standard visualisations cannot aggregate nested fields).
 */
class DashboardsSavedObjectsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAVED_OBJECTS = Path.of("dashboards", "caravan-saved-objects.ndjson");
    private static final Map<String, Path> TEMPLATES = Map.of(
            "articles", Path.of("..", "index-service", "src", "main", "resources", "opensearch", "articles-v1.template.json"),
            "fx-ticks", Path.of("..", "index-service", "src", "main", "resources", "opensearch", "fx-ticks-v1.template.json"));

    private List<JsonNode> objects() throws Exception {
        List<JsonNode> objects = new ArrayList<>();
        for (String line : Files.readAllLines(SAVED_OBJECTS)) {
            if (!line.isBlank()) {
                objects.add(JSON.readTree(line));
            }
        }
        return objects;
    }

    /** Aggregatable top-level fields of an index template (nested objects left out). */
    private static Set<String> aggregatableFields(Path template) throws Exception {
        JsonNode properties = JSON.readTree(template.toFile()).path("template").path("mappings").path("properties");
        Set<String> fields = new java.util.HashSet<>();
        properties.fields().forEachRemaining(field -> {
            String type = field.getValue().path("type").asText();
            if (!type.equals("nested") && !type.equals("text") && !type.isEmpty()) {
                fields.add(field.getKey());
            }
        });
        return fields;
    }

    @Test
    void everyReferenceResolvesInsideTheFile() throws Exception {
        Map<String, String> typeById = objects().stream()
                .collect(Collectors.toMap(o -> o.get("id").asText(), o -> o.get("type").asText()));
        for (JsonNode object : objects()) {
            for (JsonNode reference : object.path("references")) {
                assertThat(typeById.get(reference.get("id").asText()))
                        .as(object.get("id").asText() + " refers to " + reference.get("id").asText())
                        .isEqualTo(reference.get("type").asText());
            }
        }
        assertThat(typeById.values()).contains("index-pattern", "visualization", "dashboard");
    }

    @Test
    void visualisationsAggregateOnlyFieldsTheTemplatesMapAndThatAreNotNested() throws Exception {
        Map<String, String> titleByPattern = new HashMap<>();
        for (JsonNode object : objects()) {
            if (object.get("type").asText().equals("index-pattern")) {
                titleByPattern.put(object.get("id").asText(), object.path("attributes").path("title").asText());
            }
        }
        int checked = 0;
        for (JsonNode object : objects()) {
            if (!object.get("type").asText().equals("visualization")) {
                continue;
            }
            String pattern = titleByPattern.get(object.path("references").get(0).get("id").asText());
            Set<String> fields = aggregatableFields(TEMPLATES.get(pattern));
            JsonNode visState = JSON.readTree(object.path("attributes").path("visState").asText());
            for (JsonNode agg : visState.path("aggs")) {
                String field = agg.path("params").path("field").asText("");
                if (!field.isEmpty()) {
                    assertThat(fields).as(object.get("id").asText() + " aggregates " + field).contains(field);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(8);
    }
}
