package dev.caravan.bench.stage;

import com.fasterxml.jackson.databind.util.RawValue;
import dev.caravan.bench.report.Result;
import dev.caravan.index.IndexService;
import dev.caravan.index.bulk.OpenSearchClients;
import dev.caravan.index.config.IndexConfig;
import dev.caravan.index.document.ArticleDocuments;
import dev.caravan.index.document.DocumentJson;
import dev.caravan.registry.serde.AvroSerdeConfig;
import dev.caravan.registry.serde.KafkaAvroDeserializer;
import dev.caravan.schema.EnrichedArticle;
import dev.caravan.schema.FxTick;
import dev.caravan.schema.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * The index service over everything in the enriched and FX topics, beside a raw bulk of the same
 * documents (built and serialised to JSON up front) through the same OpenSearch client, 1000 per request as the
 * service's default batch, into indices with the same mappings. Both write into fresh indices, in
 * as many rounds as the run asks for.
 */
public final class IndexStage {

    static final String RAW_PREFIX = "bench-raw-";
    static final int BULK_DOCS = 1000;
    static final int FX_TICKS_KEPT = 3000;

    private final StageContext ctx;

    public IndexStage(StageContext ctx) {
        this.ctx = ctx;
    }

    record Doc(String index, String id, RawValue source) {
    }

    public void run() throws Exception {
        try (Kafka kafka = new Kafka(ctx.kafkaBootstrap())) {
            kafka.keepLast(Topics.ENRICHED_ARTICLES, ctx.indexDocs()); // every enrich run wrote its copy
            // Every ingest round sent its page dumps' ticks again; the newest few thousand still hold every
            // pair and day (224 documents), and tiny FX documents do not crowd out the articles.
            kafka.keepLast(Topics.FX_TICKS, FX_TICKS_KEPT);
        }
        List<Doc> docs = readDocuments();
        StageContext.log("index: %d documents (enriched articles and FX ticks)", docs.size());
        OpenSearchClient client = OpenSearchClients.create(ctx.opensearchUrl(), "", "");
        installRawTemplates(client);
        // Warm-up of both, unreported: OpenSearch's JIT and the client, and the service's consuming and mapping.
        rawBulk(client, docs);
        deleteIndices(client, RAW_PREFIX + "*");
        deleteIndices(client, "articles-v1-*,fx-ticks-v1-*");
        serviceRound(docs.size(), -1);

        // Rounds, the baseline first in odd ones and second in even ones; the median round stands for the run.
        List<Round> rounds = new ArrayList<>();
        for (int i = 0; i < ctx.rounds(); i++) {
            double baseline = 0;
            if (i % 2 == 0) {
                baseline = rawBulk(client, docs);
                deleteIndices(client, RAW_PREFIX + "*");
            }
            deleteIndices(client, "articles-v1-*,fx-ticks-v1-*"); // each round indexes into fresh indices, as the baseline
            Round round = serviceRound(docs.size(), i);
            if (i % 2 != 0) {
                baseline = rawBulk(client, docs);
                deleteIndices(client, RAW_PREFIX + "*");
            }
            round = round.withBaseline(baseline);
            StageContext.log("index, round %d of %d: %d docs at %.0f/s; raw bulk %.0f/s (%.2fx)", i + 1, ctx.rounds(), docs.size(),
                    round.rate(), baseline, round.ratio());
            rounds.add(round);
        }
        Round median = MedianRound.of(rounds, Round::ratio);
        String spread = MedianRound.spread(rounds, Round::ratio);
        double per1000 = docs.size() / 1000.0;
        ctx.report().add(Result.vsBaseline("indexer", median.rate(), median.baseline(), "docs/s", 0.9,
                "baseline: the same documents, built and serialised up front, bulk-indexed " + BULK_DOCS
                        + " per request through the same client into indices with the same mappings; " + spread));
        ctx.report().add(Result.absolute("index CPU per 1000 docs (service threads)", median.serviceCpuMs() / per1000,
                "CPU ms", null, null, "the caravan-index consumer thread and the OpenSearch client's I/O threads; "
                        + "OpenSearch itself used " + Math.round(median.openSearchCpuMs() / per1000) + " ms and the broker "
                        + Math.round(median.brokerCpuMs() / per1000) + " ms per 1000 docs"));
    }

    /** One run of the service over all documents: its rate, and the CPU of its threads, OpenSearch and the broker. */
    private record Round(double rate, double baseline, double serviceCpuMs, double openSearchCpuMs, double brokerCpuMs) {
        Round withBaseline(double docsPerSecond) {
            return new Round(rate, docsPerSecond, serviceCpuMs, openSearchCpuMs, brokerCpuMs);
        }

        double ratio() {
            return rate / baseline;
        }
    }

    /** The service from its first committed offset, in a group of its own, so it reads everything again. */
    private Round serviceRound(int docs, int round) throws Exception {
        IndexConfig config = new IndexConfig(Map.of(
                IndexConfig.KAFKA_BOOTSTRAP, ctx.kafkaBootstrap(),
                IndexConfig.SCHEMA_REGISTRY_URL, ctx.schemaRegistryUrl(),
                IndexConfig.OPENSEARCH_URL, ctx.opensearchUrl(),
                IndexConfig.INDEX_REPLICAS, "0",
                IndexConfig.GROUP_ID, round < 0 ? "bench-index-warm-up" : "bench-index-" + round,
                IndexConfig.BULK_LINGER_MS, "200"));
        Map<Long, ProcStats.ThreadCpu> before = ProcStats.threadCpu();
        double broker0 = ProcStats.childCpuMs("kafka");
        double search0 = ProcStats.childCpuMs("opensearch");
        try (IndexService service = new IndexService(config)) {
            long start = System.nanoTime();
            service.start();
            Kafka.Rate rate = Kafka.measure(service::indexedCount, docs, Duration.ofMinutes(10), start);
            Map<String, Double> cpu = ProcStats.cpuMsByStage(before, ProcStats.threadCpu(), IndexStage::classify);
            return new Round(rate.perSecond(), 0, cpu.getOrDefault("index", 0.0),
                    ProcStats.childCpuMs("opensearch") - search0, ProcStats.childCpuMs("kafka") - broker0);
        }
    }

    static String classify(String thread) {
        return thread.contains("caravan-index") || thread.startsWith("httpclient-dispatch") ? "index" : "other";
    }

    /** Every record of the enriched and FX topics as the service turns it into a document. */
    private List<Doc> readDocuments() {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ctx.kafkaBootstrap());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, ctx.schemaRegistryUrl(),
                AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true), false);
        List<Doc> docs = new ArrayList<>();
        try (Kafka kafka = new Kafka(ctx.kafkaBootstrap());
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Map<TopicPartition, Long> end = kafka.endOffsets(Topics.ENRICHED_ARTICLES, Topics.FX_TICKS);
            consumer.assign(end.keySet());
            consumer.seekToBeginning(end.keySet());
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the enriched topic to its end");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    Object value = deserializer.deserialize(r.topic(), r.headers(), r.value());
                    if (value instanceof EnrichedArticle a) {
                        docs.add(new Doc(ArticleDocuments.articleIndex(a.getPublishedDate()), a.getId(), DocumentJson.of(ArticleDocuments.article(a))));
                    } else if (value instanceof FxTick t) {
                        docs.add(new Doc(ArticleDocuments.fxIndex(t.getAsOf()), ArticleDocuments.fxId(t), DocumentJson.of(ArticleDocuments.fxTick(t))));
                    }
                }
            }
        }
        return docs;
    }

    /** Docs/s from the end of the first bulk (which creates the indices) to the end, as the service's rate is taken. */
    private static double rawBulk(OpenSearchClient client, List<Doc> docs) throws IOException {
        long t0 = System.nanoTime();
        long counted = docs.size();
        for (int i = 0; i < docs.size(); i += BULK_DOCS) {
            if (i == BULK_DOCS) {
                t0 = System.nanoTime();
                counted = docs.size() - BULK_DOCS;
            }
            List<BulkOperation> ops = new ArrayList<>(BULK_DOCS);
            for (Doc d : docs.subList(i, Math.min(docs.size(), i + BULK_DOCS))) {
                ops.add(BulkOperation.of(o -> o.index(x -> x.index(RAW_PREFIX + d.index()).id(d.id()).document(d.source()))));
            }
            BulkResponse response = client.bulk(b -> b.operations(ops));
            if (response.errors()) {
                throw new IllegalStateException("raw bulk had errors: " + response.items().stream()
                        .filter(it -> it.error() != null).findFirst().map(it -> it.error().reason()).orElse("?"));
            }
        }
        return counted / ((System.nanoTime() - t0) / 1e9);
    }

    /** The service's templates, for {@code bench-raw-*} index names and without the aliases, so search never sees them. */
    private static void installRawTemplates(OpenSearchClient client) throws IOException {
        for (String name : List.of("articles-v1", "fx-ticks-v1")) {
            String body;
            try (InputStream in = IndexService.class.getResourceAsStream("/opensearch/" + name + ".template.json")) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            body = body.replace("\"" + name + "-*\"", "\"" + RAW_PREFIX + name + "-*\"")
                    .replaceFirst("\"aliases\"\\s*:\\s*\\{[^}]*\\{\\s*}\\s*}\\s*,", "")
                    .replace("\"${replicas}\"", "0")
                    .replace("\"priority\": 100", "\"priority\": 101");
            try (Response r = client.generic().execute(Requests.builder().method("PUT")
                    .endpoint("/_index_template/" + RAW_PREFIX + name).json(body).build())) {
                if (r.getStatus() >= 300) {
                    throw new IllegalStateException("raw template refused: " + r.getStatus() + " "
                            + r.getBody().map(b -> b.bodyAsString()).orElse(""));
                }
            }
        }
    }

    private static void deleteIndices(OpenSearchClient client, String pattern) throws IOException {
        try (Response r = client.generic().execute(Requests.builder().method("DELETE").endpoint("/" + pattern).build())) {
            if (r.getStatus() >= 300 && r.getStatus() != 404) {
                StageContext.log("could not delete %s: HTTP %d", pattern, r.getStatus());
            }
        }
    }
}
