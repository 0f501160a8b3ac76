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
        com.fasterxml.jackson.databind.JsonNode analysis = template.get("template").path("settings").path("analysis");
        List<String> upgraded = analysis.isMissingNode() ? List.of() : addAnalysis(client, name, pattern, analysis);
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
        if (!upgraded.isEmpty()) {
            Thread thread = new Thread(() -> upgraded.forEach(index -> reanalyse(client, index, name)), "caravan-reanalyse");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * The documents an index held before it got the analysers of a new template version are written again
     * in place, in the background, so that its new subfields (body.english) cover them too. Each keeps its
     * external version ({@code external_gte} with the version it has), so a newer revision written
     * meanwhile wins and the stored versions stay the ones the indexer compares with. Interrupted (a
     * restart), the next start-up does not do it again: replaying the topic covers what is left.
     */
    @SuppressWarnings("rawtypes")
    static long reanalyse(OpenSearchClient client, String index, String template) {
        long written = 0;
        try {
            List<org.opensearch.client.opensearch._types.FieldValue> after = null;
            while (true) {
                List<org.opensearch.client.opensearch._types.FieldValue> from = after;
                org.opensearch.client.opensearch.core.SearchResponse<java.util.Map> page = client.search(s -> {
                    s.index(index).size(REANALYSE_PAGE).version(true)
                            .sort(o -> o.field(f -> f.field("id").order(org.opensearch.client.opensearch._types.SortOrder.Asc)));
                    if (from != null) {
                        s.searchAfter(from);
                    }
                    return s;
                }, java.util.Map.class);
                var hits = page.hits().hits();
                if (hits.isEmpty()) {
                    break;
                }
                org.opensearch.client.opensearch.core.BulkRequest.Builder bulk = new org.opensearch.client.opensearch.core.BulkRequest.Builder();
                for (var hit : hits) {
                    bulk.operations(op -> op.index(i -> i.index(index).id(hit.id()).document(hit.source())
                            .version(hit.version()).versionType(org.opensearch.client.opensearch._types.VersionType.ExternalGte)));
                }
                var response = client.bulk(bulk.build());
                for (var item : response.items()) {
                    if (item.error() == null) {
                        written++;
                    } else if (item.status() != 409) { // 409: a newer revision came meanwhile
                        LOG.warn("Index {}: document {} not written again for template {}: {}", index, item.id(), template,
                                item.error().reason());
                    }
                }
                after = hits.get(hits.size() - 1).sort();
                if (hits.size() < REANALYSE_PAGE) {
                    break;
                }
            }
            LOG.info("Index {}: {} documents written again for the analysers of template {}", index, written, template);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Index {}: writing its documents again for template {} stopped after {} ({}); replay the topic or "
                    + "reindex to cover the rest (deploy/RUNBOOK.md)", index, template, written, e.toString());
        }
        return written;
    }

    private static final int REANALYSE_PAGE = 500;

    /**
     * An analyser a new template version adds (news_english) must be in the settings of an index before
     * a field may use it, and analysis settings change only on a closed index: each index that lacks one
     * is closed for the moment of the change and opened again. Once per index and template version; a
     * write that reaches it meanwhile (400 index_closed_exception) is retried by {@link BulkIndexer}, not
     * dead-lettered. Returns the indices changed.
     */
    private static List<String> addAnalysis(OpenSearchClient client, String name, String pattern,
            com.fasterxml.jackson.databind.JsonNode analysis) throws IOException {
        List<String> lacking = lackingAnalysis(client, pattern, analysis, false);
        for (String index : lacking) {
            LOG.info("Index {} gets the analysers of template {}: closed and opened again", index, name);
            execute(client, Requests.builder().method("POST").endpoint("/" + index + "/_close").build(), "close " + index);
            try (Response response = client.generic().execute(Requests.builder().method("PUT").endpoint("/" + index + "/_settings")
                    .json(MAPPER.writeValueAsString(MAPPER.createObjectNode().set("analysis", analysis))).build())) {
                // another instance starting at the same time may have done it and opened the index already
                if (response.getStatus() >= 300 && lackingAnalysis(client, index, analysis, true).contains(index)) {
                    throw new IllegalStateException("cannot add the analysers of template " + name + " to index " + index
                            + ": HTTP " + response.getStatus() + " " + response.getBody().map(b -> b.bodyAsString()).orElse(""));
                }
            } finally {
                execute(client, Requests.builder().method("POST").endpoint("/" + index + "/_open")
                        .query(java.util.Map.of("wait_for_active_shards", "1")).build(), "open " + index);
            }
        }
        return lacking;
    }

    /** The indices matching {@code pattern} whose settings lack an analyser, filter or normaliser of {@code analysis}. */
    private static List<String> lackingAnalysis(OpenSearchClient client, String pattern,
            com.fasterxml.jackson.databind.JsonNode analysis, boolean closedToo) throws IOException {
        try (Response response = client.generic().execute(Requests.builder().method("GET")
                .endpoint("/" + pattern + "/_settings/index.analysis*")
                // open indices only: one an operator closed stays closed (it gets the analysers when opened and restarted)
                .query(java.util.Map.of("allow_no_indices", "true", "expand_wildcards", closedToo ? "open,closed" : "open"))
                .build())) {
            if (response.getStatus() >= 300) {
                throw new IllegalStateException("cannot read the settings of indices " + pattern + ": HTTP " + response.getStatus());
            }
            com.fasterxml.jackson.databind.JsonNode indices = MAPPER.readTree(response.getBody().map(b -> b.bodyAsString()).orElse("{}"));
            List<String> lacking = new java.util.ArrayList<>();
            indices.fields().forEachRemaining(index -> {
                com.fasterxml.jackson.databind.JsonNode has = index.getValue().path("settings").path("index").path("analysis");
                boolean complete = true;
                for (var kind : (Iterable<java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>>) analysis::fields) {
                    for (var entry : (Iterable<java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>>) kind.getValue()::fields) {
                        complete &= has.path(kind.getKey()).has(entry.getKey());
                    }
                }
                if (!complete) {
                    lacking.add(index.getKey());
                }
            });
            lacking.sort(null);
            return lacking;
        }
    }

    private static void execute(OpenSearchClient client, org.opensearch.client.opensearch.generic.Request request, String what)
            throws IOException {
        try (Response response = client.generic().execute(request)) {
            if (response.getStatus() >= 300) {
                throw new IllegalStateException("OpenSearch refused to " + what + ": HTTP " + response.getStatus() + " "
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
