package dev.caravan.systemtest.soak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.caravan.bench.load.Corpus;
import dev.caravan.ingest.config.IngestConfig;
import dev.caravan.ingest.publish.RecordPublisher;
import dev.caravan.launcher.demo.LocalPipeline;
import dev.caravan.launcher.topics.TopicCatalog;
import dev.caravan.localstack.LocalStack;
import dev.caravan.localstack.LocalStackExtension;
import dev.caravan.schema.FxTick;
import dev.caravan.schema.RawArticle;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.aggregations.LongTermsBucket;
import org.opensearch.client.opensearch.core.SearchResponse;

/**
 * Soak: the whole pipeline at a fixed rate for minutes, with a broker restart in the middle.
 * Not in the default suite: {@code ./mvnw verify -Psoak -pl system-tests -am} (or
 * {@code -Dsoak.minutes=2 -Dsoak.rate=200} for a short one). Reports records in, indexed,
 * dead-lettered, latency from Kafka's ack to searchable (p50/p99 overall and per minute) and heap
 * over time, to stdout and {@code target/soak/report.json}; fails if any article is lost or doubled.
 *
 * <p>Latency is measured per one-second bucket: the bucket number rides in {@code listingPosition},
 * and a bucket's latency is from the ack of its last article to the poll that finds all of them.
 */
@ExtendWith(LocalStackExtension.class)
class SoakIT {

    private static final Duration POLL = Duration.ofMillis(500);

    record Bucket(int number, int published, long ackedAtMillis) {
    }

    @Test
    void pipelineHoldsARateThroughABrokerRestartWithNothingLostOrDoubled(LocalStack stack) throws Exception {
        int minutes = Integer.getInteger("soak.minutes", 10);
        int rate = Integer.getInteger("soak.rate", 500);
        String run = "soak-" + Instant.now().getEpochSecond();
        TopicCatalog.ensure(stack.kafkaBootstrap(), 6, (short) 1);
        Corpus corpus = new Corpus(42);
        Map<Integer, Bucket> buckets = new ConcurrentHashMap<>();
        Map<Integer, Long> latencyByBucket = new ConcurrentHashMap<>();
        List<Map<String, Object>> heap = new ArrayList<>();
        long started = System.currentTimeMillis();
        int published = 0;
        boolean restarted = false;

        try (LocalPipeline pipeline = LocalPipeline.start(new LocalPipeline.Endpoints(
                stack.kafkaBootstrap(), stack.schemaRegistryUrl(), stack.opensearchUrl()), 6);
             RecordPublisher publisher = new RecordPublisher(new IngestConfig(Map.of(
                     IngestConfig.KAFKA_BOOTSTRAP, stack.kafkaBootstrap(),
                     IngestConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl())))) {
            publisher.publish(List.of(), ticks(corpus));
            AtomicBoolean polling = new AtomicBoolean(true);
            Thread poller = new Thread(() -> pollLatencies(pipeline, run, buckets, latencyByBucket, polling), "soak-poller");
            poller.start();

            long end = started + Duration.ofMinutes(minutes).toMillis();
            int second = 0;
            long nextHeap = started;
            while (System.currentTimeMillis() < end) {
                long bucketStart = started + second * 1000L;
                if (!restarted && System.currentTimeMillis() - started >= Duration.ofMinutes(minutes).toMillis() / 2) {
                    System.out.println("soak: restarting the Kafka broker at " + (System.currentTimeMillis() - started) / 1000 + " s");
                    stack.restartKafka();
                    restarted = true;
                }
                List<RawArticle> batch = new ArrayList<>(rate);
                for (int i = 0; i < rate; i++) {
                    batch.add(article(corpus.article(published + i), run, second));
                }
                publisher.publish(batch, List.of()); // returns once Kafka acknowledged every record
                buckets.put(second, new Bucket(second, batch.size(), System.currentTimeMillis()));
                published += batch.size();
                second++;
                if (System.currentTimeMillis() >= nextHeap) {
                    heap.add(heapSample(started));
                    nextHeap += 10_000;
                }
                long wait = bucketStart + 1000 - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait); // pacing the load generator, not waiting for a condition
                }
            }
            long deadline = System.currentTimeMillis() + Duration.ofMinutes(5).toMillis();
            while (latencyByBucket.size() < buckets.size() && System.currentTimeMillis() < deadline) {
                Thread.sleep(POLL.toMillis());
            }
            polling.set(false);
            poller.join();
            heap.add(heapSample(started));

            long indexed = count(pipeline, run);
            long duplicated = duplicatedIds(pipeline, run);
            long deadLettered = pipeline.indexService().deadLetteredCount();
            Map<String, Object> report = report(minutes, rate, published, indexed, duplicated, deadLettered,
                    buckets, latencyByBucket, heap, restarted);
            Path out = Path.of("target", "soak", "report.json");
            Files.createDirectories(out.getParent());
            Files.writeString(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            System.out.println("soak report: " + new ObjectMapper().writeValueAsString(report));

            assertThat(restarted).isTrue();
            assertThat(indexed).as("documents of this run").isEqualTo(published);
            assertThat(duplicated).as("ids stored twice").isZero();
            assertThat(deadLettered).isZero();
        }
    }

    private static RawArticle article(Corpus.Article a, String run, int bucket) {
        return RawArticle.newBuilder().setId(run + "-" + a.number()).setSource(run).setTitle(a.title()).setBody(a.body())
                .setPublishedDate(a.date()).setIngestedAt(Instant.now()).setContentHash(run + a.number())
                .setListingPosition(bucket).build();
    }

    private static List<FxTick> ticks(Corpus corpus) {
        return corpus.ticks().stream().map(t -> FxTick.newBuilder().setBase(t.base()).setQuote("USD")
                .setRate(BigDecimal.valueOf(t.rate()).setScale(10, RoundingMode.HALF_EVEN)).setChangePct(t.changePct())
                .setAsOf(t.asOf()).setSource("soak").build()).toList();
    }

    /** Every half second: which one-second buckets are completely searchable now. */
    private static void pollLatencies(LocalPipeline pipeline, String run, Map<Integer, Bucket> buckets,
                                      Map<Integer, Long> latencyByBucket, AtomicBoolean polling) {
        while (polling.get()) {
            try {
                SearchResponse<Void> response = pipeline.search().search(s -> s.index("articles").size(0)
                        .query(q -> q.term(t -> t.field("source").value(FieldValue.of(run))))
                        .aggregations("buckets", a -> a.terms(t -> t.field("listingPosition").size(100_000))), Void.class);
                long now = System.currentTimeMillis();
                for (LongTermsBucket b : response.aggregations().get("buckets").lterms().buckets().array()) {
                    int number = b.key().isSigned() ? b.key().signed().intValue() : Integer.parseInt(b.key().unsigned());
                    Bucket bucket = buckets.get(number);
                    if (bucket != null && b.docCount() >= bucket.published()) {
                        latencyByBucket.putIfAbsent(number, now - bucket.ackedAtMillis());
                    }
                }
            } catch (Exception e) {
                // OpenSearch busy or the alias not there yet: the next poll tries again
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static long count(LocalPipeline pipeline, String run) throws Exception {
        pipeline.search().indices().refresh(r -> r.index("articles"));
        return pipeline.search().count(c -> c.index("articles")
                .query(q -> q.term(t -> t.field("source").value(FieldValue.of(run))))).count();
    }

    /** Ids stored more than once (in two monthly indices, say): exact, unlike a cardinality estimate. */
    private static long duplicatedIds(LocalPipeline pipeline, String run) throws Exception {
        SearchResponse<Void> response = pipeline.search().search(s -> s.index("articles").size(0)
                .query(q -> q.term(t -> t.field("source").value(FieldValue.of(run))))
                .aggregations("ids", a -> a.terms(t -> t.field("id").minDocCount(2L).size(100))), Void.class);
        return response.aggregations().get("ids").sterms().buckets().array().size();
    }

    private static Map<String, Object> heapSample(long started) {
        Runtime runtime = Runtime.getRuntime();
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("second", (System.currentTimeMillis() - started) / 1000);
        sample.put("heapUsedMb", (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
        sample.put("heapAfterLastGcMb", ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getCollectionUsage() != null && p.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(p -> p.getCollectionUsage().getUsed()).sum() / (1024 * 1024));
        return sample;
    }

    private static Map<String, Object> report(int minutes, int rate, int published, long indexed, long duplicated,
                                              long deadLettered, Map<Integer, Bucket> buckets,
                                              Map<Integer, Long> latencyByBucket, List<Map<String, Object>> heap,
                                              boolean restarted) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("minutes", minutes);
        report.put("targetRate", rate);
        report.put("brokerRestarted", restarted);
        report.put("recordsIn", published);
        report.put("indexed", indexed);
        report.put("duplicatedIds", duplicated);
        report.put("deadLettered", deadLettered);
        report.put("achievedRate", Math.round(published / (double) Math.max(1, buckets.size())));
        List<Long> all = new ArrayList<>();
        latencyByBucket.forEach((bucket, latency) -> {
            for (int i = 0; i < buckets.get(bucket).published(); i++) {
                all.add(latency);
            }
        });
        report.put("latencyMs", percentiles(all));
        Map<String, Object> perMinute = new LinkedHashMap<>();
        for (int minute = 0; minute * 60 < buckets.size(); minute++) {
            List<Long> values = new ArrayList<>();
            for (int s = minute * 60; s < (minute + 1) * 60; s++) {
                Long latency = latencyByBucket.get(s);
                if (latency != null) {
                    values.add(latency);
                }
            }
            perMinute.put("minute " + (minute + 1), percentiles(values));
        }
        report.put("latencyMsPerMinute", perMinute);
        report.put("heap", heap);
        return report;
    }

    private static Map<String, Long> percentiles(List<Long> values) {
        if (values.isEmpty()) {
            return Map.of();
        }
        List<Long> sorted = values.stream().sorted().toList();
        return Map.of("p50", sorted.get((int) (sorted.size() * 0.50)),
                "p99", sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))),
                "max", sorted.get(sorted.size() - 1));
    }
}
