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
            } catch (IOException e) {
                throw new UncheckedIOException("cannot install index template " + name + ": " + e.getMessage(), e);
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
