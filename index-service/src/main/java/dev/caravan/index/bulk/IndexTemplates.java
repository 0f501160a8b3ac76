package dev.caravan.index.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the index templates (mappings, analysers, aliases) at start-up; PUT is idempotent, so
 * every instance may do it. A mapping change ships as a new template version (see deploy/RUNBOOK.md).
 */
public final class IndexTemplates {

    private static final Logger LOG = LoggerFactory.getLogger(IndexTemplates.class);
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();
    public static final List<String> TEMPLATES = List.of("articles-v1", "fx-ticks-v1");

    private IndexTemplates() {
    }

    public static void ensure(OpenSearchClient client, int replicas) {
        for (String name : TEMPLATES) {
            String body = load(name).replace("\"${replicas}\"", Integer.toString(replicas));
            try (Response response = client.generic().execute(Requests.builder()
                    .method("PUT").endpoint("/_index_template/" + name).json(body).build())) {
                if (response.getStatus() >= 300) {
                    String detail = response.getBody().map(b -> b.bodyAsString()).orElse("");
                    throw new IllegalStateException("OpenSearch refused index template " + name + ": HTTP "
                            + response.getStatus() + " " + detail);
                }
                LOG.info("Index template {} installed (replicas {})", name, replicas);
                applyToExistingIndices(client, name, body);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot install index template " + name + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * New fields of a template version reach the indices it already created (OpenSearch applies
     * a template only to new ones). Only additions work in place; a changed field type needs a new
     * index version and a reindex (deploy/RUNBOOK.md), and is refused here with OpenSearch's reason.
     */
    private static void applyToExistingIndices(OpenSearchClient client, String name, String templateJson) throws IOException {
        com.fasterxml.jackson.databind.JsonNode template = MAPPER.readTree(templateJson);
        String pattern = template.get("index_patterns").get(0).asText();
        String mappings = MAPPER.writeValueAsString(template.get("template").get("mappings"));
        try (Response response = client.generic().execute(Requests.builder().method("PUT")
                .endpoint("/" + pattern + "/_mapping").query(java.util.Map.of("allow_no_indices", "true"))
                .json(mappings).build())) {
            if (response.getStatus() >= 300) {
                throw new IllegalStateException("the mappings of template " + name + " do not fit indices " + pattern
                        + " (a changed field needs a new index version): HTTP " + response.getStatus() + " "
                        + response.getBody().map(b -> b.bodyAsString()).orElse(""));
            }
        }
    }

    static String load(String name) {
        String resource = "/opensearch/" + name + ".template.json";
        try (InputStream in = IndexTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("index template " + resource + " missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
