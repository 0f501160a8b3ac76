package dev.caravan.launcher.demo;

import dev.caravan.enrich.EnrichService;
import dev.caravan.enrich.config.EnrichConfig;
import dev.caravan.index.IndexService;
import dev.caravan.index.api.SearchServer;
import dev.caravan.index.config.IndexConfig;
import dev.caravan.ingest.api.IngestServer;
import dev.caravan.ingest.config.IngestConfig;
import dev.caravan.ingest.files.FileIngestor;
import dev.caravan.ingest.files.IngestSummary;
import dev.caravan.ingest.publish.RecordPublisher;
import dev.caravan.launcher.topics.TopicCatalog;
import dev.caravan.ops.OpsServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three services wired to one set of endpoints, in one process: what {@code caravan demo}
 * runs and what the end-to-end test drives. Production runs each service in its own process.
 * Enrich and index serve their health and metrics on free ports of 127.0.0.1 ({@link #opsUrls()});
 * the ingest API serves its own. Enrich's state directory is the pipeline's and is removed at close.
 */
public final class LocalPipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalPipeline.class);

    public record Endpoints(String kafkaBootstrap, String schemaRegistryUrl, String opensearchUrl) {
    }

    private final Endpoints endpoints;
    private final EnrichService enrich;
    private final IndexService index;
    private final RecordPublisher publisher;
    private final IngestConfig ingestConfig;
    private final Path stateDir;
    private volatile IngestServer ingestServer;
    private volatile SearchServer searchServer;
    private volatile OpsServer enrichOps;
    private volatile OpsServer indexOps;
    private boolean closed;

    private LocalPipeline(Endpoints endpoints, Path stateDir) {
        this.endpoints = endpoints;
        this.stateDir = stateDir;
        Map<String, String> common = Map.of(
                "kafka.bootstrap", endpoints.kafkaBootstrap(),
                "schema.registry.url", endpoints.schemaRegistryUrl());
        this.enrich = new EnrichService(new EnrichConfig(with(common, Map.of(EnrichConfig.STATE_DIR, stateDir.toString()))));
        this.index = new IndexService(new IndexConfig(with(common, Map.of(
                IndexConfig.OPENSEARCH_URL, endpoints.opensearchUrl(),
                IndexConfig.INDEX_REPLICAS, "0",
                IndexConfig.BULK_LINGER_MS, "200"))));
        this.ingestConfig = demoIngestConfig(common, System.getenv());
        this.publisher = new RecordPublisher(new IngestConfig(common));
    }

    /**
     * The demo's ingest API: the environment's settings (CARAVAN_INGEST_API_TOKEN is honoured), on the
     * demo's own Kafka and registry, and on 127.0.0.1 unless CARAVAN_INGEST_API_HOST says otherwise.
     */
    static IngestConfig demoIngestConfig(Map<String, String> common, Map<String, String> environment) {
        Map<String, String> overrides = with(common, Map.of(IngestConfig.SOURCE, "api"));
        if (!environment.containsKey("CARAVAN_INGEST_API_HOST")) {
            overrides.put(IngestConfig.API_HOST, "127.0.0.1");
        }
        return new IngestConfig(dev.caravan.config.ConfigSources.resolve(IngestConfig.DEFINITION, environment, overrides).values());
    }

    private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
        Map<String, String> merged = new java.util.HashMap<>(a);
        merged.putAll(b);
        return merged;
    }

    /** Creates the topics, then starts enrich and index; enrich's state goes to a new dir in the system temp dir. */
    public static LocalPipeline start(Endpoints endpoints, int partitions) {
        return start(endpoints, partitions, null, created -> { });
    }

    /**
     * Creates the topics, then starts enrich, index, their ops endpoints and the ingest and search APIs.
     *
     * @param stateParent where enrich's state directory is created (null: the system temp dir); the
     *                    directory is removed at {@link #close()}
     * @param created     receives the pipeline before any service starts, so that a stop during
     *                    start-up (a shutdown hook) can close what did start
     */
    public static LocalPipeline start(Endpoints endpoints, int partitions, Path stateParent, Consumer<LocalPipeline> created) {
        TopicCatalog.ensure(endpoints.kafkaBootstrap(), partitions, (short) 1);
        TopicCatalog.ensureEnrichInternal(endpoints.kafkaBootstrap(), "caravan-enrich", partitions, (short) 1);
        Path stateDir;
        try {
            stateDir = stateParent == null ? Files.createTempDirectory("caravan-enrich-state")
                    : Files.createTempDirectory(Files.createDirectories(stateParent), "enrich-state-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a state directory: " + e.getMessage(), e);
        }
        LocalPipeline pipeline = new LocalPipeline(endpoints, stateDir);
        created.accept(pipeline);
        try {
            pipeline.startServices();
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
        LOG.info("Pipeline started: enrich and index consuming from {}, ingest API {}, search {}",
                endpoints.kafkaBootstrap(), pipeline.ingestServer.url(), pipeline.searchServer.url());
        return pipeline;
    }

    private synchronized void startServices() {
        if (closed) {
            throw new IllegalStateException("the pipeline was closed while it started");
        }
        index.start();
        indexOps = OpsServer.start("index-service", "127.0.0.1", 0, index.health(), index.metrics());
        enrich.start();
        enrichOps = OpsServer.start("enrich-service", "127.0.0.1", 0, enrich.health(), enrich.metrics());
        ingestServer = IngestServer.start(ingestConfig, 0);
        searchServer = SearchServer.start(index.client(), "127.0.0.1", 0, 10);
    }

    public IngestSummary ingest(List<Path> files, Consumer<Path> progress) {
        return new FileIngestor(publisher, "", Clock.systemUTC()).ingest(files, progress);
    }

    public OpenSearchClient search() {
        return index.client();
    }

    public IndexService indexService() {
        return index;
    }

    /** How many of these article ids the 'articles' alias returns now. */
    public long searchableArticles(List<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        try {
            index.client().indices().refresh(r -> r.index("articles", "fx-ticks").ignoreUnavailable(true).allowNoIndices(true));
            return index.client().count(c -> c.index("articles").ignoreUnavailable(true).allowNoIndices(true)
                    .query(Query.of(q -> q.ids(i -> i.values(new ArrayList<>(ids)))))).count();
        } catch (IOException | RuntimeException e) {
            LOG.debug("count failed: {}", e.getMessage());
            return 0;
        }
    }

    public long fxTicksIndexed() {
        try {
            return index.client().count(c -> c.index("fx-ticks").ignoreUnavailable(true).allowNoIndices(true)).count();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Polls until every id is searchable or the timeout passes; returns how many were. */
    public long awaitSearchable(List<String> ids, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long found = searchableArticles(ids);
        while (found < ids.size() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            found = searchableArticles(ids);
        }
        return found;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    public String ingestUrl() {
        return ingestServer.url();
    }

    public String searchUrl() {
        return searchServer.url();
    }

    /**
     * Each service's base URL for {@code /health/live}, {@code /health/ready} and {@code /metrics}:
     * keys {@code ingest} (the ingest API itself), {@code enrich} and {@code index}.
     */
    public Map<String, String> opsUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("ingest", ingestServer.url());
        urls.put("enrich", enrichOps.url());
        urls.put("index", indexOps.url());
        return urls;
    }

    /** Enrich's Kafka Streams state directory (removed at close). */
    public Path stateDir() {
        return stateDir;
    }

    /**
     * Stops taking input first (ingest API, search), then the services, then their ops endpoints,
     * and removes enrich's state directory. Safe on a half-started pipeline and when called twice.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ingestServer != null) {
            ingestServer.close();
        }
        if (searchServer != null) {
            searchServer.close();
        }
        publisher.close();
        enrich.close();
        index.close();
        for (OpsServer ops : new OpsServer[] {enrichOps, indexOps}) {
            if (ops != null) {
                ops.close();
            }
        }
        deleteRecursively(stateDir);
        LOG.info("Pipeline stopped");
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.warn("could not remove the enrich state directory {}: {}", dir, e.toString());
        }
    }
}
