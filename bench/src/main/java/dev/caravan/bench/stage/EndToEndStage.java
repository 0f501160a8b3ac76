package dev.caravan.bench.stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.caravan.bench.load.Corpus;
import dev.caravan.bench.report.Result;
import dev.caravan.enrich.EnrichService;
import dev.caravan.enrich.config.EnrichConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.streams.KafkaStreams;
import dev.caravan.launcher.demo.LocalPipeline;
import dev.caravan.schema.Topics;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The three services in one process ({@link LocalPipeline}) fed through the HTTP ingest API:
 * the sustained rate of a burst from first send to last searchable, then a fixed rate with the
 * latency of every article from its 202 (Kafka acknowledged) to the first search that finds it
 * (polled every 200 ms without forcing a refresh, so "searchable" is what a user would see),
 * with heap, RSS and CPU per stage under that load (Caravan's own against Kafka's and OpenSearch's);
 * then the burst again with a second enrich instance in the group.
 */
public final class EndToEndStage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int POLL_MS = 200;

    private final StageContext ctx;
    private final int burst;
    private final int rate;
    private final int seconds;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final Corpus corpus = new Corpus(3);

    public EndToEndStage(StageContext ctx, int burst, int rate, int seconds) {
        this.ctx = ctx;
        this.burst = burst;
        this.rate = rate;
        this.seconds = seconds;
    }

    public void run() throws Exception {
        // Start after what the stage benches left in the topics: this measures new articles only.
        try (Kafka kafka = new Kafka(ctx.kafkaBootstrap())) {
            kafka.startAtEnd("caravan-enrich", Topics.RAW_ARTICLES);
            kafka.startAtEnd("caravan-index", Topics.ENRICHED_ARTICLES, Topics.FX_TICKS);
        }
        try (LocalPipeline pipeline = LocalPipeline.start(
                new LocalPipeline.Endpoints(ctx.kafkaBootstrap(), ctx.schemaRegistryUrl(), ctx.opensearchUrl()), ctx.partitions())) {
            String ingest = pipeline.ingestUrl() + "/v1/articles";
            // Warm-up: wait for the whole chain to be up (group joins, templates) and the JIT to settle.
            List<String> warm = postBatch(ingest, corpus.articles(9_000_000, 200), "e2e-warm");
            awaitAll(warm, Duration.ofMinutes(3));

            double oneInstance = sustained(ingest, 0, "e2e-burst", "1 enrich instance");
            awaitMergesDone(Duration.ofSeconds(90));
            Timer bulks = pipeline.indexService().metrics().get("caravan.index.bulk").timer();
            long bulkCount = bulks.count();
            double bulkMs = bulks.totalTime(TimeUnit.MILLISECONDS);
            long indexed = pipeline.indexService().indexedCount();
            fixedRate(ingest);
            long n = Math.max(1, bulks.count() - bulkCount);
            StageContext.log("e2e fixed rate: the indexer sent %d bulks of %.0f documents on average, %.0f ms each to settle",
                    n, (pipeline.indexService().indexedCount() - indexed) / (double) n, (bulks.totalTime(TimeUnit.MILLISECONDS) - bulkMs) / n);

            // The same burst again with a second enrich instance in the same group (same JVM, its own state directory).
            awaitMergesDone(Duration.ofSeconds(90));
            Path state = Files.createTempDirectory(ctx.workDir(), "enrich-2nd-");
            try (EnrichService second = new EnrichService(new EnrichConfig(ctx.config(EnrichConfig.STATE_DIR, state.toString())))) {
                second.start();
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (second.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
                    Thread.sleep(POLL_MS);
                }
                awaitAll(postBatch(ingest, corpus.articles(9_100_000, 200), "e2e-warm2"), Duration.ofMinutes(3));
                double twoInstances = sustained(ingest, 40_000_000, "e2e-burst-2", "2 enrich instances");
                ctx.report().add(Result.vsBaseline("end to end: sustained with 2 enrich instances vs 1", twoInstances, oneInstance,
                        "articles/s", null, "the same burst size through the same pipeline with a second EnrichService in the same "
                                + "consumer group (same JVM, " + ctx.partitions() + " partitions); baseline: the 1-instance burst of this run; "
                                + "ratio = speed-up"));
            }
        }
    }

    private double sustained(String ingest, int first, String source, String what) throws Exception {
        List<Corpus.Article> articles = corpus.articles(first, burst);
        List<String> batches = new ArrayList<>();
        for (int i = 0; i < articles.size(); i += IngestStage.API_BATCH) {
            batches.add(Corpus.ndjson(articles.subList(i, Math.min(articles.size(), i + IngestStage.API_BATCH)),
                    source, "https://bench.example/" + source + "/"));
        }
        Map<Long, ProcStats.ThreadCpu> cpuBefore = ProcStats.threadCpu();
        long t0 = System.nanoTime();
        IngestStage.post(http, ingest, batches, IngestStage.API_CONCURRENCY.get(IngestStage.API_CONCURRENCY.size() - 1), "application/x-ndjson");
        double ingestSeconds = (System.nanoTime() - t0) / 1e9;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        long found = 0;
        while (found < burst && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MS);
            found = countBySource(source);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        Map<String, Double> cpu = ProcStats.cpuMsByStage(cpuBefore, ProcStats.threadCpu(), EndToEndStage::classify);
        StageContext.log("e2e burst, %s: %d articles accepted in %.1f s, %d searchable after %.1f s; CPU ms per 1000 "
                        + "ingest %.0f, enrich %.0f, index %.0f", what, burst, ingestSeconds, found, s,
                cpu.getOrDefault("ingest", 0.0) / (burst / 1000.0), cpu.getOrDefault("enrich", 0.0) / (burst / 1000.0),
                cpu.getOrDefault("index", 0.0) / (burst / 1000.0));
        ctx.report().add(Result.absolute("end to end: sustained, ingest API to searchable, " + what, found / s, "articles/s", null,
                null, burst + " articles posted as fast as the API takes them (32 clients); from first send to the last searchable; "
                        + "for information (ops size the stages from it)"));
        return found / s;
    }

    private void fixedRate(String ingest) throws Exception {
        int ticksPerSecond = 10;
        int perTick = Math.max(1, rate / ticksPerSecond);
        int ticks = seconds * ticksPerSecond;
        Map<String, Long> ackedAt = new ConcurrentHashMap<>();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        Map<String, Long> seenAtWallMs = new ConcurrentHashMap<>(); // beside the documents' own timestamps
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger next = new AtomicInteger(20_000_000);
        AtomicLong acked = new AtomicLong();
        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "bench-load"));
        Map<Long, ProcStats.ThreadCpu> cpuBefore = ProcStats.threadCpu();
        Map<String, Long> children = ProcStats.children();
        Map<String, Double> childBefore = new java.util.LinkedHashMap<>();
        children.forEach((name, pid) -> childBefore.put(name, ProcStats.processCpuMs(pid)));
        long t0 = System.nanoTime();
        AtomicInteger sent = new AtomicInteger();
        sender.scheduleAtFixedRate(() -> {
            if (sent.getAndIncrement() >= ticks) {
                return;
            }
            List<Corpus.Article> batch = corpus.articles(next.getAndAdd(perTick), perTick);
            String body = Corpus.ndjson(batch, "e2e-rate", "https://bench.example/rate/");
            http.sendAsync(HttpRequest.newBuilder(URI.create(ingest)).header("Content-Type", "application/x-ndjson")
                            .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                        long now = System.nanoTime();
                        if (e != null || r.statusCode() != 202) {
                            failures.add(e != null ? e.toString() : r.statusCode() + "");
                            return;
                        }
                        try {
                            for (JsonNode id : JSON.readTree(r.body()).get("ids")) {
                                ackedAt.put(id.asText(), now);
                            }
                            acked.addAndGet(perTick);
                        } catch (IOException ex) {
                            failures.add(ex.toString());
                        }
                    });
        }, 0, 1000 / ticksPerSecond, TimeUnit.MILLISECONDS);

        double heapMb = -1;
        long loadEnd = t0 + Duration.ofSeconds(seconds).toNanos();
        long deadline = loadEnd + Duration.ofSeconds(60).toNanos();
        boolean measuredHeap = false;
        while (System.nanoTime() < deadline) {
            Thread.sleep(POLL_MS);
            List<String> pending = new ArrayList<>();
            for (String id : ackedAt.keySet()) {
                if (!seenAt.containsKey(id)) {
                    pending.add(id);
                }
            }
            if (pending.size() > 5000) {
                pending = new ArrayList<>(pending.subList(0, 5000));
            }
            if (!pending.isEmpty()) {
                long now = System.nanoTime();
                long nowMs = System.currentTimeMillis();
                for (String id : searchable(pending)) {
                    seenAt.putIfAbsent(id, now);
                    seenAtWallMs.putIfAbsent(id, nowMs);
                }
            }
            if (!measuredHeap && System.nanoTime() > t0 + (loadEnd - t0) * 3 / 4) {
                // Three quarters into the load: steady state, every service busy.
                heapMb = ProcStats.heapAfterGcMb();
                measuredHeap = true;
            }
            if (System.nanoTime() > loadEnd && sent.get() >= ticks && seenAt.size() >= (long) ticks * perTick) {
                break;
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        sender.shutdownNow();
        Map<String, Double> cpu = ProcStats.cpuMsByStage(cpuBefore, ProcStats.threadCpu(), EndToEndStage::classify);
        Map<String, Double> childCpu = new java.util.LinkedHashMap<>();
        children.forEach((name, pid) -> childCpu.put(name, ProcStats.processCpuMs(pid) - childBefore.get(name)));

        List<Long> latencies = new ArrayList<>();
        seenAt.forEach((id, seen) -> {
            Long ack = ackedAt.get(id);
            if (ack != null) {
                latencies.add(Math.max(0, seen - ack) / 1_000_000);
            }
        });
        Collections.sort(latencies);
        long total = (long) ticks * perTick;
        StageContext.log("e2e fixed rate %d/s for %d s: %d acked, %d searchable, %d failed requests", rate, seconds,
                acked.get(), latencies.size(), failures.size());
        if (!failures.isEmpty()) {
            StageContext.log("first failure: %s", failures.get(0));
        }
        double achieved = acked.get() / (double) seconds;
        ctx.report().add(Result.absolute("end to end: offered rate achieved (acked by the ingest API)", achieved, "articles/s",
                null, null, "the latency and CPU rows below hold only if this is the offered rate; " + total + " articles in " + seconds + " s, " + perTick + " per request every 100 ms"));
        String at = String.format(Locale.ROOT, " at %d articles/s", rate);
        ctx.report().add(Result.absolute("end to end: p50 latency, ack to searchable" + at, percentile(latencies, 0.50), "ms",
                null, null, "polled every " + POLL_MS + " ms without forcing a refresh (index refresh_interval 1 s)"));
        ctx.report().add(Result.absolute("end to end: p99 latency, ack to searchable" + at, percentile(latencies, 0.99), "ms",
                1500.0, Result.Goal.MAX_VALUE, latencies.size() + " of " + acked.get() + " acked articles seen searchable"));
        addLatencySplit(seenAtWallMs, at);

        long pid = ProcStats.pid();
        ctx.report().add(Result.absolute("memory: heap after GC, each service (all three in one JVM)" + at, heapMb, "MB", 256.0,
                Result.Goal.MAX_VALUE, "the goal is per service; here the three services and the load generator share one heap, "
                        + "so this is an upper bound of each service's"));
        ctx.report().add(Result.absolute("memory: RSS of that JVM (peak " + Math.round(ProcStats.statusMb(pid, "VmHWM")) + " MB)",
                ProcStats.statusMb(pid, "VmRSS"), "MB", null, null, "max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB"));
        children.forEach((name, childPid) -> ctx.report().add(Result.absolute("memory: RSS of the " + name + " server",
                ProcStats.statusMb(childPid, "VmRSS"), "MB", null, null, "child JVM of the local stack")));
        double per1000 = Math.max(1, acked.get()) / 1000.0;
        for (String stage : List.of("ingest", "enrich", "index")) {
            double ms = cpu.getOrDefault(stage, 0.0);
            ctx.report().add(Result.absolute("CPU: " + stage + " stage per 1000 articles" + at, ms / per1000, "CPU ms", null, null,
                    String.format(Locale.ROOT, "%.2f cores busy at this rate (thread CPU time of the stage's threads)", ms / 1000 / wall)));
        }
        // Caravan's own CPU (its three services' threads in this JVM) against what Kafka and OpenSearch spent on the same articles.
        double caravan = List.of("ingest", "enrich", "index").stream().mapToDouble(st -> cpu.getOrDefault(st, 0.0)).sum();
        double servers = childCpu.getOrDefault("kafka", 0.0) + childCpu.getOrDefault("opensearch", 0.0);
        ctx.report().add(Result.vsBaseline("CPU: Caravan's own (ingest + enrich + index) per 1000 articles" + at, caravan / per1000,
                servers / per1000, "CPU ms", 0.5, Result.Goal.MAX_RATIO, String.format(Locale.ROOT,
                        "thread CPU time of the three services' threads in this JVM (JIT, GC and the load generator left out); "
                                + "baseline: the Kafka and OpenSearch child JVMs' process CPU over the same window (/proc/<pid>/stat): "
                                + "kafka %.0f, opensearch %.0f CPU ms per 1000", childCpu.getOrDefault("kafka", 0.0) / per1000,
                        childCpu.getOrDefault("opensearch", 0.0) / per1000)));
        childCpu.forEach((name, ms) -> ctx.report().add(Result.absolute("CPU: " + name + " server per 1000 articles" + at, ms / per1000,
                "CPU ms", null, null, String.format(Locale.ROOT, "%.2f cores busy at this rate (/proc/<pid>/stat)", ms / 1000 / wall))));
    }

    /**
     * Where the time goes: from the article's ingestedAt to its enrichedAt (ingest ack, the enrich
     * poll and tagging), and from enrichedAt to the search that found it (the enrich transaction's
     * commit, the indexer's batch and bulk, OpenSearch's refresh, this bench's poll). Both
     * timestamps come from the documents; the services share this JVM's clock.
     */
    private void addLatencySplit(Map<String, Long> seenAtWallMs, String at) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>(seenAtWallMs.keySet());
        List<Long> toEnriched = new ArrayList<>();
        List<Long> toSearchable = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            List<String> page = ids.subList(i, Math.min(ids.size(), i + 1000));
            String query = JSON.writeValueAsString(Map.of("size", page.size(), "_source", List.of("ingestedAt", "enrichedAt"),
                    "track_total_hits", false, "query", Map.of("ids", Map.of("values", page))));
            for (JsonNode hit : search("/articles/_search", query).path("hits").path("hits")) {
                long ingested = Instant.parse(hit.path("_source").path("ingestedAt").asText()).toEpochMilli();
                long enriched = Instant.parse(hit.path("_source").path("enrichedAt").asText()).toEpochMilli();
                toEnriched.add(Math.max(0, enriched - ingested));
                toSearchable.add(Math.max(0, seenAtWallMs.get(hit.path("_id").asText()) - enriched));
            }
        }
        Collections.sort(toEnriched);
        Collections.sort(toSearchable);
        String enrichNote = "the ingest ack, the enrich poll and tagging (the documents' ingestedAt and enrichedAt)";
        String indexNote = "the enrich commit, the indexer's batch and bulk, OpenSearch's 1 s refresh and this bench's "
                + POLL_MS + " ms poll";
        for (double p : List.of(0.50, 0.99)) {
            String name = String.format(Locale.ROOT, "end to end: p%.0f, ", p * 100);
            ctx.report().add(Result.absolute(name + "ingested to enriched" + at, percentile(toEnriched, p), "ms", null, null, enrichNote));
            ctx.report().add(Result.absolute(name + "enriched to searchable" + at, percentile(toSearchable, p), "ms", null, null, indexNote));
        }
        StageContext.log("e2e latency split%s: ingested to enriched p50 %d, p99 %d ms; enriched to searchable p50 %d, p99 %d ms",
                at, percentile(toEnriched, 0.50), percentile(toEnriched, 0.99), percentile(toSearchable, 0.50),
                percentile(toSearchable, 0.99));
    }

    static String classify(String thread) {
        if (thread.contains("caravan-enrich")) {
            return "enrich";
        }
        if (thread.contains("caravan-index") || thread.startsWith("httpclient-dispatch")) {
            return "index";
        }
        if (thread.contains("caravan-ingest") || thread.contains("JettyServerThreadPool") || thread.startsWith("qtp")) {
            return "ingest";
        }
        return "other";
    }

    static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private List<String> postBatch(String ingest, List<Corpus.Article> articles, String source) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(ingest)).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(Corpus.ndjson(articles, source, "https://bench.example/" + source + "/"))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IOException("warm-up refused: " + r.statusCode() + " " + r.body());
        }
        List<String> ids = new ArrayList<>();
        JSON.readTree(r.body()).get("ids").forEach(n -> ids.add(n.asText()));
        return ids;
    }

    private void awaitAll(List<String> ids, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (searchable(ids).size() < ids.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("warm-up articles not searchable within " + timeout);
            }
            Thread.sleep(500);
        }
    }

    /**
     * The fixed rate measures latency in a steady state, not while OpenSearch still merges the
     * segments of the burst before it: waits until no merge runs on the articles' indices.
     */
    private void awaitMergesDone(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(ctx.opensearchUrl() + "/articles/_stats/merge")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() < 300 && JSON.readTree(r.body()).path("_all").path("total").path("merges").path("current").asLong(1) == 0) {
                return;
            }
            Thread.sleep(POLL_MS);
        }
        StageContext.log("OpenSearch still merging after %d s; the fixed rate starts anyway", timeout.toSeconds());
    }

    /** Which of these ids a search finds now (no refresh forced). */
    private List<String> searchable(List<String> ids) throws IOException, InterruptedException {
        String query = JSON.writeValueAsString(Map.of("size", ids.size(), "_source", false, "track_total_hits", false,
                "query", Map.of("ids", Map.of("values", ids))));
        JsonNode hits = search("/articles/_search", query).path("hits").path("hits");
        List<String> found = new ArrayList<>();
        hits.forEach(h -> found.add(h.path("_id").asText()));
        return found;
    }

    private long countBySource(String source) throws IOException, InterruptedException {
        String query = JSON.writeValueAsString(Map.of("query", Map.of("term", Map.of("source", source))));
        return search("/articles/_count", query).path("count").asLong();
    }

    private JsonNode search(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(ctx.opensearchUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            return JSON.createObjectNode();
        }
        return JSON.readTree(r.body());
    }
}
