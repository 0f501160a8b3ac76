package dev.caravan.bench.stage;

import dev.caravan.bench.report.Report;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What every stage bench gets: the servers, the sizes (articles per ingest path, raw articles the
 * enrich runs read at least, newest enriched documents the index stage keeps), how many rounds a
 * stage takes of a path and its baseline, where to put files, and the report.
 */
public record StageContext(String kafkaBootstrap, String schemaRegistryUrl, String opensearchUrl, int partitions,
                           int articles, int enrichArticles, int indexDocs, int rounds, Path workDir, Report report) {

    /** kafka.bootstrap and schema.registry.url, plus the given keys. */
    public Map<String, String> config(String... keyValues) {
        Map<String, String> m = new HashMap<>();
        m.put("kafka.bootstrap", kafkaBootstrap);
        m.put("schema.registry.url", schemaRegistryUrl);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    public static void log(String format, Object... args) {
        System.err.printf("[bench] " + format + "%n", args);
    }
}
