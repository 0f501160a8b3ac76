package dev.caravan.bench.stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.caravan.bench.load.Corpus;
import dev.caravan.bench.report.Result;
import dev.caravan.ingest.api.IngestServer;
import dev.caravan.ingest.config.IngestConfig;
import dev.caravan.ingest.files.FileIngestor;
import dev.caravan.ingest.files.IngestSummary;
import dev.caravan.ingest.parse.JsonRecordsParser;
import dev.caravan.ingest.publish.RecordPublisher;
import dev.caravan.registry.serde.AvroSerdeConfig;
import dev.caravan.registry.serde.KafkaAvroSerializer;
import dev.caravan.schema.FxTick;
import dev.caravan.schema.RawArticle;
import dev.caravan.schema.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Ingest through the CLI path (page dump files: read, parse, publish, wait for the acks per file)
 * and through the HTTP API (NDJSON batches, 202 after the acks), each against the composite of its
 * unavoidable work measured in the same round on the same data: parsing alone (the CLI: the
 * project's parser over the same files; the API: Jackson over the same bodies), and a plain
 * idempotent KafkaProducer with the same settings sending the same Avro bytes, already serialised.
 * Composite = 1 / (1/parse rate + 1/raw producer rate): doing both, one after the other.
 */
public final class IngestStage {

    public static final String BASELINE_TOPIC = "bench.ingest-baseline.v1";
    public static final int ARTICLES_PER_FILE = 50;
    public static final int API_BATCH = 100;
    public static final List<Integer> API_CONCURRENCY = List.of(8, 32);
    /**
     * Articles each path handles before it is timed. On 2 cores the JIT needs about 40,000 (a
     * standalone loop over the corpus: read, parse and Avro cost 150-240 µs per article for the
     * first 30,000, then 16 µs); with 3,000 the timed run was still mostly compiling.
     */
    static final int WARM_UP_ARTICLES = 40_000;

    private final StageContext ctx;
    private final IngestConfig config;
    private final KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    private final Corpus corpus = new Corpus(1);

    public IngestStage(StageContext ctx) {
        this.ctx = ctx;
        this.config = new IngestConfig(ctx.config());
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, ctx.schemaRegistryUrl()), false);
    }

    public void run() throws Exception {
        try (Kafka kafka = new Kafka(ctx.kafkaBootstrap())) {
            kafka.createTopic(BASELINE_TOPIC, ctx.partitions());
        }
        cli();
        api();
    }

    private void cli() throws Exception {
        Path dir = ctx.workDir().resolve("cli");
        List<Path> warmup = corpus.writePageDumps(ctx.workDir().resolve("cli-warmup"), "benchwarm",
                corpus.articles(1_000_000, WARM_UP_ARTICLES), ARTICLES_PER_FILE);
        List<Path> files = corpus.writePageDumps(dir, "benchcli", corpus.articles(0, ctx.articles()), ARTICLES_PER_FILE);
        // The same records the CLI will send, serialised up front for the baseline.
        FileIngestor parser = new FileIngestor((a, t) -> { }, "", Clock.systemUTC());
        List<ProducerRecord<byte[], byte[]>> bytes = new ArrayList<>();
        for (Path f : files) {
            FileIngestor.Parsed parsed = parser.parse(f.toString(), Files.readString(f), "benchcli", null, Instant.now());
            bytes.addAll(serialised(parsed.articles(), parsed.ticks()));
        }
        try (RecordPublisher publisher = new RecordPublisher(config);
             KafkaProducer<byte[], byte[]> baseline = baselineProducer()) {
            FileIngestor ingestor = new FileIngestor(publisher, "", Clock.systemUTC());
            ingestor.ingest(warmup, p -> { });
            send(baseline, bytes); // warm, as the CLI was: a cold producer would flatter the ratio

            // Parse-only: the project's own parser over the same files (read, detect, parse, build the records), no Kafka.
            FileIngestor parseOnly = new FileIngestor((a, t) -> { }, "", Clock.systemUTC());
            Sending parse = () -> {
                long n = 0;
                for (Path f : files) {
                    FileIngestor.Parsed parsed = parseOnly.parse(f.toString(), Files.readString(f), "benchcli", null, Instant.now());
                    n += parsed.articles().size() + parsed.ticks().size();
                    sink ^= System.identityHashCode(parsed);
                }
                return n;
            };
            parse.send(); // warm, as the CLI was
            Rounds rounds = Rounds.run(ctx.rounds(), "ingest CLI", () -> send(baseline, bytes), parse, () -> {
                IngestSummary summary = ingestor.ingest(files, p -> { });
                if (!summary.problems().isEmpty()) {
                    StageContext.log("CLI reported %d problems, first: %s", summary.problems().size(), summary.problems().get(0));
                }
                return summary.articles() + summary.fxTicks();
            });
            report("ingest: CLI, page dumps of " + ARTICLES_PER_FILE + " articles", rounds, 0.8, "parse-only (FileIngestor.parse over the same files, no Kafka)");
        }
    }

    /**
     * The path against the composite of its unavoidable work, 1 / (1/parse rate + 1/raw producer rate),
     * as the median round, and the two parts beside it for information.
     */
    private void report(String name, Rounds rounds, Double goal, String parseWhat) {
        Versus run = rounds.median();
        ctx.report().add(Result.vsBaseline(name, run.rate(), run.composite(), "records/s", goal,
                "baseline: composite 1 / (1/parse + 1/raw producer) of the same round: " + parseWhat + " at "
                        + Math.round(run.parseRate()) + "/s, idempotent acks=all KafkaProducer with the same settings sending the "
                        + "same Avro bytes (one flush at the end) at " + Math.round(run.baseRate()) + "/s; " + rounds.spread()));
        ctx.report().add(Result.absolute(name + ": parse part of the baseline", run.parseRate(), "records/s", null, null,
                parseWhat + ", same round; for information"));
        ctx.report().add(Result.absolute(name + ": raw producer part of the baseline", run.baseRate(), "records/s", null, null,
                "the same Avro bytes, serialised up front, same round; for information"));
    }

    /** Keeps the parse-only results alive, so the JIT cannot drop the work. */
    private static volatile int sink;

    /**
     * The API answers 202 only once Kafka acknowledged a request's records, so one client gets at
     * most one batch per round trip: the figure depends on how many clients post at once. It is
     * taken with a few and with many, each beside the baseline.
     */
    private void api() throws Exception {
        List<String> warmup = batches(corpus.articles(3_000_000, WARM_UP_ARTICLES), "benchwarm");
        try (IngestServer server = IngestServer.start(config, 0);
             KafkaProducer<byte[], byte[]> baseline = baselineProducer()) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(); // the server speaks HTTP/1.1: no h2c upgrade attempts
            post(http, server.url() + "/v1/fx-ticks", List.of(Corpus.ticksJson(corpus.ticks())), 1, "application/json");
            post(http, server.url() + "/v1/articles", warmup, API_CONCURRENCY.get(0), "application/x-ndjson"); // JIT, connections
            for (int i = 0; i < API_CONCURRENCY.size(); i++) {
                int clients = API_CONCURRENCY.get(i);
                List<Corpus.Article> articles = corpus.articles(2_000_000 + i * ctx.articles(), ctx.articles());
                List<String> batches = batches(articles, "benchapi");
                JsonRecordsParser json = new JsonRecordsParser();
                List<ProducerRecord<byte[], byte[]>> bytes = new ArrayList<>();
                for (String batch : batches) {
                    bytes.addAll(serialised(json.parse(batch, JsonRecordsParser.Expect.ARTICLES, null, Instant.now()).articles(), List.of()));
                }

                // JSON parse: Jackson over the same NDJSON bodies, every line to a tree, no Kafka.
                Sending parse = () -> {
                    long n = 0;
                    for (String batch : batches) {
                        try (MappingIterator<JsonNode> it = NDJSON.readValues(batch)) {
                            while (it.hasNext()) {
                                sink ^= it.next().size();
                                n++;
                            }
                        }
                    }
                    return n;
                };
                if (i == 0) {
                    send(baseline, bytes); // warm, as the API was
                    parse.send();
                }
                Rounds rounds = Rounds.run(ctx.rounds(), "ingest API, " + clients + " clients", () -> send(baseline, bytes), parse, () -> {
                    post(http, server.url() + "/v1/articles", batches, clients, "application/x-ndjson");
                    return articles.size();
                });
                // The goal is on 32 clients (issue 18); 8 clients are for information.
                report("ingest: HTTP API, NDJSON batches of " + API_BATCH + ", " + clients + " clients", rounds,
                        clients == 32 ? 0.7 : null, "JSON parse (Jackson readTree of every line of the same NDJSON bodies, one thread, no Kafka)");
            }
        }
    }

    private static final ObjectReader NDJSON = new ObjectMapper().readerFor(JsonNode.class);

    /** Something that sends records and says how many. */
    interface Sending {
        long send() throws Exception;
    }

    /**
     * Rounds of the raw producer, the parse and the path: in odd rounds the producer first and the path
     * last, in even ones the other way round, so neither always meets the other's leftovers (a broker
     * flush, a late JIT compile). The round with the median ratio stands for the run; the others give its spread.
     */
    record Rounds(List<Versus> runs) {

        static Rounds run(int rounds, String what, Sending baseline, Sending parse, Sending path) throws Exception {
            List<Versus> runs = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                Versus run = Versus.run(baseline, parse, path, i % 2 == 0);
                run.log(what + ", round " + (i + 1) + " of " + rounds);
                runs.add(run);
            }
            return new Rounds(runs);
        }

        Versus median() {
            return MedianRound.of(runs, Versus::ratio);
        }

        String spread() {
            return MedianRound.spread(runs, Versus::ratio);
        }
    }

    /**
     * The raw producer, the parse and the path, one after the other: records/s of each, and CPU ms per
     * 1000 records of this JVM (load generator, API, producers) and of the broker.
     */
    record Versus(Timed base, Timed parse, Timed own) {

        static Versus run(Sending baseline, Sending parse, Sending path, boolean baselineFirst) throws Exception {
            Timed first = Timed.of(baselineFirst ? baseline : path);
            Timed middle = Timed.of(parse);
            Timed last = Timed.of(baselineFirst ? path : baseline);
            return baselineFirst ? new Versus(first, middle, last) : new Versus(last, middle, first);
        }

        /** The rate of doing the parse and the raw send one after the other: 1 / (1/parse + 1/raw). */
        double composite() {
            return 1 / (1 / parseRate() + 1 / baseRate());
        }

        double ratio() {
            return rate() / composite();
        }

        double baseRate() {
            return base.records() / base.seconds();
        }

        double parseRate() {
            return parse.records() / parse.seconds();
        }

        double rate() {
            return own.records() / own.seconds();
        }

        void log(String what) {
            StageContext.log("%s: %d records in %.2f s (%.2fx of composite %.0f/s); raw producer %.0f/s, parse %.0f/s; "
                    + "CPU ms per 1000 (bench JVM, broker): %.0f, %.0f; raw producer %.0f, %.0f; parse %.0f; "
                    + "busiest threads: %s; raw producer: %s; parse: %s", what, own.records(), own.seconds(), ratio(), composite(),
                    baseRate(), parseRate(), own.cpuPer1000()[0], own.cpuPer1000()[1], base.cpuPer1000()[0], base.cpuPer1000()[1],
                    parse.cpuPer1000()[0], own.busiest(), base.busiest(), parse.busiest());
        }
    }

    /**
     * One sending timed: records, seconds, CPU ms per 1000 records of this JVM and of the broker,
     * and the JVM's busiest threads with their CPU ms per 1000 records: on 2 cores the JIT compiler
     * threads are often among them long after the warm-up, in the baseline's rounds too.
     */
    private record Timed(long records, double seconds, double[] cpuPer1000, String busiest) {

        static Timed of(Sending sending) throws Exception {
            Map<String, Double> threads0 = ProcStats.threadGroupCpuMs();
            double[] cpu0 = cpuNow();
            long t0 = System.nanoTime();
            long records = sending.send();
            long t1 = System.nanoTime();
            double[] cpu1 = cpuNow();
            double per1000 = records / 1000.0;
            Map<String, Double> threads = new HashMap<>();
            ProcStats.threadGroupCpuMs().forEach((name, ms) -> threads.put(name, (ms - threads0.getOrDefault(name, 0.0)) / per1000));
            String busiest = threads.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(4)
                    .map(e -> String.format(Locale.ROOT, "%s %.0f", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
            return new Timed(records, (t1 - t0) / 1e9,
                    new double[] {(cpu1[0] - cpu0[0]) / per1000, (cpu1[1] - cpu0[1]) / per1000}, busiest);
        }

        private static double[] cpuNow() {
            return new double[] {ProcStats.processCpuMs(ProcStats.pid()), ProcStats.childCpuMs("kafka")};
        }
    }

    private static List<String> batches(List<Corpus.Article> articles, String source) {
        List<String> batches = new ArrayList<>();
        for (int i = 0; i < articles.size(); i += API_BATCH) {
            batches.add(Corpus.ndjson(articles.subList(i, Math.min(articles.size(), i + API_BATCH)), source,
                    "https://bench.example/" + source + "/"));
        }
        return batches;
    }

    /** Posts the bodies with at most {@code concurrency} requests in flight; fails on any non-202. */
    static void post(HttpClient http, String url, List<String> bodies, int concurrency, String contentType) throws Exception {
        Semaphore slots = new Semaphore(concurrency);
        AtomicReference<String> failure = new AtomicReference<>();
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (String body : bodies) {
            slots.acquire();
            all.add(http.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                            .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                        slots.release();
                        if (e != null || r.statusCode() != 202) {
                            failure.compareAndSet(null, e != null ? e.toString() : r.statusCode() + " " + r.body());
                        }
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        if (failure.get() != null) {
            throw new IOException("ingest API refused a request: " + failure.get());
        }
    }

    private List<ProducerRecord<byte[], byte[]>> serialised(List<RawArticle> articles, List<FxTick> ticks) {
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        StringSerializer keys = new StringSerializer();
        for (RawArticle a : articles) {
            out.add(new ProducerRecord<>(BASELINE_TOPIC, keys.serialize(BASELINE_TOPIC, a.getId()),
                    serializer.serialize(Topics.RAW_ARTICLES, a)));
        }
        for (FxTick t : ticks) {
            String key = Topics.pairKey(t.getBase(), t.getQuote());
            out.add(new ProducerRecord<>(BASELINE_TOPIC, keys.serialize(BASELINE_TOPIC, key), serializer.serialize(Topics.FX_TICKS, t)));
        }
        return out;
    }

    /** The ingest producer's own settings (idempotent, acks=all, linger, lz4), with bytes in and out. */
    private KafkaProducer<byte[], byte[]> baselineProducer() {
        Map<String, Object> props = RecordPublisher.producerProperties(config);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-baseline-producer");
        props.remove(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG);
        props.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        props.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static long send(KafkaProducer<byte[], byte[]> producer, List<ProducerRecord<byte[], byte[]>> records) throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        for (ProducerRecord<byte[], byte[]> r : records) {
            acks.add(producer.send(r));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get();
        }
        return records.size();
    }
}
