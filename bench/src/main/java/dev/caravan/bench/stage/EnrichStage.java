package dev.caravan.bench.stage;

import dev.caravan.bench.report.Result;
import dev.caravan.enrich.config.EnrichConfig;
import dev.caravan.ingest.config.IngestConfig;
import dev.caravan.ingest.publish.RecordPublisher;
import dev.caravan.enrich.tag.ArticleEnricher;
import dev.caravan.enrich.tag.Gazetteer;
import dev.caravan.enrich.topology.EnrichSerdes;
import dev.caravan.enrich.topology.EnrichTopology;
import dev.caravan.schema.Topics;
import dev.caravan.bench.load.Corpus;
import dev.caravan.schema.RawArticle;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The enrich topology over everything in the raw topic, beside a pass-through topology (bytes in,
 * bytes out) with the same streams properties (exactly_once_v2, commit interval, threads), with
 * 1 and 2 stream threads. Each run is a fresh application id reading from the beginning.
 */
public final class EnrichStage {

    public static final String PASS_THROUGH_TOPIC = "bench.enrich-passthrough.v1";

    private final StageContext ctx;

    public EnrichStage(StageContext ctx) {
        this.ctx = ctx;
    }

    public record Run(Kafka.Rate rate, double cpuMsPer1000) {
    }

    public void run() throws Exception {
        long input;
        try (Kafka kafka = new Kafka(ctx.kafkaBootstrap())) {
            kafka.createTopic(PASS_THROUGH_TOPIC, ctx.partitions());
            input = Kafka.sum(kafka.endOffsets(Topics.RAW_ARTICLES));
        }
        input = topUp(input, ctx.enrichArticles());
        StageContext.log("enrich: %d raw articles in %s", input, Topics.RAW_ARTICLES);
        warmUpTagger();
        Run enrich1 = null;
        for (int threads = 1; threads <= 2; threads++) {
            Run pass = run("bench-pass-" + threads + "t", threads, false, input);
            Run enrich = run("bench-enrich-" + threads + "t", threads, true, input);
            StageContext.log("enrich %d thread(s): %.0f articles/s (%.1f CPU ms/1000); pass-through %.0f records/s (%.1f CPU ms/1000)",
                    threads, enrich.rate().perSecond(), enrich.cpuMsPer1000(), pass.rate().perSecond(), pass.cpuMsPer1000());
            String t = threads + " stream thread" + (threads == 1 ? "" : "s");
            ctx.report().add(Result.vsBaseline("enrich topology, " + t, enrich.rate().perSecond(), pass.rate().perSecond(),
                    "articles/s", 0.5, "baseline: pass-through topology (bytes to bytes), same exactly_once_v2 properties and threads"));
            ctx.report().add(Result.vsBaseline("enrich CPU per 1000 articles, " + t, enrich.cpuMsPer1000(), pass.cpuMsPer1000(),
                    "CPU ms", null, "stream, producer and consumer threads of the application; baseline: the pass-through's"));
            if (threads == 1) {
                enrich1 = enrich;
            } else {
                ctx.report().add(Result.vsBaseline("enrich scaling: 2 stream threads vs 1", enrich.rate().perSecond(),
                        enrich1.rate().perSecond(), "articles/s", null,
                        "on 2 cores shared with the broker; ratio = speed-up"));
            }
        }
    }

    /**
     * The JIT compiles the tagger before the first timed run, as it has in a service that has been
     * up for a minute (the pass-through has no such code to warm up).
     */
    private static void warmUpTagger() {
        ArticleEnricher enricher = new ArticleEnricher(Gazetteer.bundled(), 7, Clock.systemUTC());
        List<RawArticle> articles = new Corpus(7).articles(5_000_000, 500).stream()
                .map(a -> a.toRaw("benchwarm", Instant.now())).toList();
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < until) {
            articles.forEach(a -> enricher.enrich(a, (pair, day) -> Optional.empty()));
        }
    }

    /** Publishes corpus articles until the raw topic holds {@code wanted}; returns what it holds. */
    private long topUp(long input, long wanted) {
        if (input >= wanted) {
            return input;
        }
        Corpus corpus = new Corpus(3);
        Instant now = Instant.now();
        try (RecordPublisher publisher = new RecordPublisher(new IngestConfig(ctx.config()))) {
            for (long n = input; n < wanted; n += 1000) {
                int first = 10_000_000 + (int) n;
                publisher.publish(corpus.articles(first, (int) Math.min(1000, wanted - n)).stream()
                        .map(a -> a.toRaw("benchenrich", now)).toList(), List.of());
            }
        }
        return wanted;
    }

    private Run run(String applicationId, int threads, boolean enrich, long input) throws Exception {
        EnrichConfig config = new EnrichConfig(ctx.config(
                EnrichConfig.APPLICATION_ID, applicationId,
                EnrichConfig.STREAM_THREADS, Integer.toString(threads),
                EnrichConfig.STATE_DIR, Files.createTempDirectory(ctx.workDir(), applicationId).toString()));
        Properties props = EnrichTopology.streamsProperties(config);
        Topology topology = enrich
                ? EnrichTopology.build(Gazetteer.bundled(),
                        g -> new ArticleEnricher(g, config.getInt(EnrichConfig.FX_MAX_AGE_DAYS), Clock.systemUTC()),
                        EnrichSerdes.forRegistry(ctx.schemaRegistryUrl()))
                : passThrough();
        Map<Long, ProcStats.ThreadCpu> before = ProcStats.threadCpu();
        try (Kafka kafka = new Kafka(ctx.kafkaBootstrap()); KafkaStreams streams = new KafkaStreams(topology, props)) {
            long start = System.nanoTime();
            streams.start();
            Kafka.Rate rate = Kafka.measure(() -> kafka.committed(applicationId, Topics.RAW_ARTICLES), input,
                    Duration.ofMinutes(10), start);
            Map<String, Double> cpu = ProcStats.cpuMsByStage(before, ProcStats.threadCpu(),
                    name -> name.contains(applicationId) ? "stage" : "other");
            streams.close(Duration.ofSeconds(30));
            return new Run(rate, cpu.getOrDefault("stage", 0.0) / (input / 1000.0));
        }
    }

    static Topology passThrough() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.RAW_ARTICLES, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to(PASS_THROUGH_TOPIC, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        return builder.build();
    }
}
