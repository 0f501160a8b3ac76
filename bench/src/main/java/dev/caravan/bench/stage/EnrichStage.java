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
import dev.caravan.enrich.fx.FxRates;
import dev.caravan.registry.serde.AvroSerdeConfig;
import dev.caravan.registry.serde.KafkaAvroDeserializer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
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
 * The enrich topology over everything in the raw topic with 1 stream thread, against the composite of
 * the in-process enricher (the same ArticleEnricher over the same articles, no Kafka) and a
 * pass-through topology (bytes in, bytes out) with the same streams properties (exactly_once_v2,
 * commit interval, threads); then with 2 stream threads beside the pass-through, for information.
 * Each topology run is a fresh application id reading from the beginning.
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
            Run inProcess = threads == 1 ? inProcess(input) : null;
            Run enrich = run("bench-enrich-" + threads + "t", threads, true, input);
            StageContext.log("enrich %d thread(s): %.0f articles/s (%.1f CPU ms/1000); pass-through %.0f records/s (%.1f CPU ms/1000)%s",
                    threads, enrich.rate().perSecond(), enrich.cpuMsPer1000(), pass.rate().perSecond(), pass.cpuMsPer1000(),
                    inProcess == null ? "" : String.format(java.util.Locale.ROOT, "; in-process enricher %.0f articles/s (%.1f CPU ms/1000)",
                            inProcess.rate().perSecond(), inProcess.cpuMsPer1000()));
            String t = threads + " stream thread" + (threads == 1 ? "" : "s");
            if (threads == 1) {
                // The stage's unavoidable work: the enricher's own code, and moving the records through Streams.
                double composite = 1 / (1 / inProcess.rate().perSecond() + 1 / pass.rate().perSecond());
                ctx.report().add(Result.vsBaseline("enrich topology, " + t, enrich.rate().perSecond(), composite, "articles/s", 0.7,
                        String.format(java.util.Locale.ROOT, "baseline: composite 1 / (1/in-process + 1/pass-through) of the same run "
                                + "over the same %d raw articles: ArticleEnricher.enrich alone (same code, no Kafka, no Avro; one thread) "
                                + "%.0f articles/s, pass-through topology (bytes to bytes, same exactly_once_v2 properties) %.0f records/s",
                                input, inProcess.rate().perSecond(), pass.rate().perSecond())));
                ctx.report().add(Result.absolute("enrich topology, 1 stream thread: in-process enricher part of the baseline",
                        inProcess.rate().perSecond(), "articles/s", null, null, String.format(java.util.Locale.ROOT,
                                "the same raw articles read from the topic, each enriched in this thread, only the enrich calls timed; "
                                        + "%.0f CPU ms per 1000", inProcess.cpuMsPer1000())));
                ctx.report().add(Result.absolute("enrich topology, 1 stream thread: pass-through part of the baseline",
                        pass.rate().perSecond(), "records/s", null, null, "bytes in, bytes out, same streams properties"));
                ctx.report().add(Result.vsBaseline("enrich CPU per 1000 articles, " + t, enrich.cpuMsPer1000(),
                        inProcess.cpuMsPer1000() + pass.cpuMsPer1000(), "CPU ms", null,
                        "stream, producer and consumer threads of the application; baseline: the in-process enricher's plus the pass-through's"));
                enrich1 = enrich;
            } else {
                ctx.report().add(Result.vsBaseline("enrich topology, " + t, enrich.rate().perSecond(), pass.rate().perSecond(),
                        "articles/s", null, "for information; baseline: pass-through topology with 2 stream threads"));
                ctx.report().add(Result.vsBaseline("enrich CPU per 1000 articles, " + t, enrich.cpuMsPer1000(), pass.cpuMsPer1000(),
                        "CPU ms", null, "stream, producer and consumer threads of the application; baseline: the pass-through's"));
                ctx.report().add(Result.vsBaseline("enrich scaling: 2 stream threads vs 1", enrich.rate().perSecond(),
                        enrich1.rate().perSecond(), "articles/s", null,
                        "on 2 cores shared with the broker; ratio = speed-up"));
            }
        }
    }

    /**
     * The in-process enricher: every raw article of the topic, read and deserialised outside the
     * timing, then enriched on this thread by the same code the topology runs (no Kafka, no Avro).
     * Only the enrich calls are timed; CPU is this thread's over them.
     */
    private Run inProcess(long input) {
        ArticleEnricher enricher = new ArticleEnricher(Gazetteer.bundled(), new EnrichConfig(ctx.config()).getInt(EnrichConfig.FX_MAX_AGE_DAYS),
                Clock.systemUTC());
        FxRates rates = corpusRates();
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ctx.kafkaBootstrap());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, ctx.schemaRegistryUrl(),
                AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true), false);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        long cpuNanos = 0;
        long done = 0;
        int sinkLocal = 0;
        try (Kafka kafka = new Kafka(ctx.kafkaBootstrap());
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Map<TopicPartition, Long> end = kafka.endOffsets(Topics.RAW_ARTICLES);
            consumer.assign(end.keySet());
            consumer.seekToBeginning(end.keySet());
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            List<RawArticle> batch = new ArrayList<>();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue()) && System.nanoTime() < deadline) {
                batch.clear();
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (deserializer.deserialize(r.topic(), r.headers(), r.value()) instanceof RawArticle a) {
                        batch.add(a);
                    }
                }
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                for (RawArticle a : batch) {
                    sinkLocal ^= System.identityHashCode(enricher.enrich(a, rates));
                }
                nanos += System.nanoTime() - t0;
                cpuNanos += mx.getCurrentThreadCpuTime() - c0;
                done += batch.size();
            }
        }
        sink = sinkLocal;
        double seconds = nanos / 1e9;
        StageContext.log("enrich in-process: %d of %d articles in %.2f s of enrich calls", done, input, seconds);
        return new Run(new Kafka.Rate(done, seconds, done / seconds), cpuNanos / 1e6 / (done / 1000.0));
    }

    private static volatile int sink;

    /** The corpus' daily ticks against USD, as the topology's FX store would answer for them (the latest on or before the day). */
    static FxRates corpusRates() {
        Map<String, TreeMap<LocalDate, FxRates.FxQuote>> byPair = new HashMap<>();
        for (Corpus.Tick t : new Corpus(1).ticks()) {
            byPair.computeIfAbsent(t.base() + "/USD", k -> new TreeMap<>()).put(t.asOf(), new FxRates.FxQuote(t.rate(), t.asOf()));
            byPair.computeIfAbsent("USD/" + t.base(), k -> new TreeMap<>()).put(t.asOf(), new FxRates.FxQuote(1 / t.rate(), t.asOf()));
        }
        return (pair, day) -> {
            TreeMap<LocalDate, FxRates.FxQuote> quotes = byPair.get(pair);
            Map.Entry<LocalDate, FxRates.FxQuote> e = quotes == null ? null : quotes.floorEntry(day);
            return e == null ? Optional.empty() : Optional.of(e.getValue());
        };
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
