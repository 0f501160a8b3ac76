package dev.caravan.index;

import dev.caravan.index.bulk.Backoff;
import dev.caravan.index.bulk.BulkIndexer;
import dev.caravan.index.bulk.BulkOutcome;
import dev.caravan.index.bulk.IndexTemplates;
import dev.caravan.index.bulk.OpenSearchClients;
import dev.caravan.index.config.IndexConfig;
import dev.caravan.index.dlq.DeadLetters;
import dev.caravan.index.document.ArticleDocuments;
import dev.caravan.index.document.DocumentJson;
import dev.caravan.index.document.IndexAction;
import dev.caravan.ops.Health;
import dev.caravan.ops.KafkaMeterFilters;
import dev.caravan.ops.HealthCheck;
import dev.caravan.ops.Probes;
import dev.caravan.ops.RequiredTopics;
import dev.caravan.registry.serde.AvroSerdeConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import dev.caravan.registry.serde.KafkaAvroDeserializer;
import dev.caravan.schema.EnrichedArticle;
import dev.caravan.schema.FxTick;
import dev.caravan.schema.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes enriched articles and FX ticks and writes them to OpenSearch in bulk, at least once:
 * offsets are committed only after every document of a batch was accepted or dead-lettered, and
 * deterministic ids make a replay overwrite instead of duplicate. One bounded batch in memory.
 */
public final class IndexService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IndexService.class);

    private final IndexConfig config;
    private final OpenSearchClient client;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> dlqProducer;
    private final KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    private final BulkIndexer indexer;
    private final DeadLetters deadLetters;
    private final AtomicLong indexed = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer bulkLatency;
    private final Counter retries;
    private final Health health;
    private final String clientId;
    /** What this instance last committed per partition, so an unchanged position is not committed again. */
    private final Map<TopicPartition, Long> lastCommitted = new HashMap<>();
    private volatile boolean running = true;
    private Thread thread;

    public IndexService(IndexConfig config) {
        this.config = config;
        // First, before any meter: Kafka reports each per-topic meter twice (the topic's name, and the name with
        // '_' for '.', deprecated); only the first is kept, so a lag series appears once.
        metrics.config().meterFilter(KafkaMeterFilters.dropDeprecatedTopicTags(
                List.of(Topics.ENRICHED_ARTICLES, Topics.FX_TICKS, Topics.INDEX_DLQ)));
        this.client = OpenSearchClients.create(config);
        this.clientId = IndexConfig.instanceClientId("caravan-index");
        this.consumer = new KafkaConsumer<>(consumerProperties(config, clientId));
        Map<String, Object> dlqProps = new HashMap<>(config.kafkaClientProperties());
        dlqProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        dlqProps.put(ProducerConfig.ACKS_CONFIG, "all");
        dlqProps.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-dlq");
        this.dlqProducer = new KafkaProducer<>(dlqProps, new ByteArraySerializer(), new ByteArraySerializer());
        this.deserializer.configure(Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, config.getString(IndexConfig.SCHEMA_REGISTRY_URL),
                AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true), false);
        this.indexer = new BulkIndexer(client, new Backoff(config.getInt(IndexConfig.RETRY_INITIAL_MS),
                config.getInt(IndexConfig.RETRY_MAX_MS)));
        this.deadLetters = new DeadLetters(dlqProducer, Topics.INDEX_DLQ);
        FunctionCounter.builder("caravan.index.documents", indexed, AtomicLong::get)
                .description("Documents settled in OpenSearch (indexed or kept newer)").register(metrics);
        FunctionCounter.builder("caravan.index.dead.letters", deadLettered, AtomicLong::get)
                .description("Records sent to " + Topics.INDEX_DLQ).register(metrics);
        this.bulkLatency = Timer.builder("caravan.index.bulk").description("Time to settle one bulk batch, retries included")
                .publishPercentiles(0.5, 0.99).register(metrics);
        this.retries = Counter.builder("caravan.index.retries").description("Bulk retries after 429/5xx or an unreachable OpenSearch")
                .register(metrics);
        new KafkaClientMetrics(consumer).bindTo(metrics); // records-lag-max: how far this instance is behind
        this.health = new Health()
                .live("consumer", () -> stopped.getCount() > 0 || !running
                        ? HealthCheck.Result.up(running ? "consuming" : "stopping") : HealthCheck.Result.down("consumer loop ended"))
                .ready("kafka", Probes.kafka(config.kafkaClientProperties()))
                .ready("schemaRegistry", Probes.schemaRegistry(config.getString(IndexConfig.SCHEMA_REGISTRY_URL)))
                .ready("opensearch", () -> {
                    try {
                        return client.ping().value() ? HealthCheck.Result.up("ping ok") : HealthCheck.Result.down("ping failed");
                    } catch (Exception e) {
                        return HealthCheck.Result.down("OpenSearch at " + config.opensearchUrl() + " unreachable: " + e.getMessage());
                    }
                });
    }

    /** Documents indexed, bulk latency, retries, DLQ count and consumer lag, for Prometheus. */
    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    /** Live while the consumer loop runs; ready when Kafka, the registry and OpenSearch answer. */
    public Health health() {
        return health;
    }

    /** The consumer's settings; {@code clientId} is this instance's own (see {@link IndexConfig#instanceClientId}). */
    static Map<String, Object> consumerProperties(IndexConfig config, String clientId) {
        Map<String, Object> props = new HashMap<>();
        props.putAll(config.kafkaClientProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.getString(IndexConfig.GROUP_ID));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.getInt(IndexConfig.BULK_MAX_DOCS));
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }

    public OpenSearchClient client() {
        return client;
    }

    /** This instance's Kafka client id, {@code caravan-index-<host>-<random>}; the DLQ producer's adds {@code -dlq}. */
    public String clientId() {
        return clientId;
    }

    public long indexedCount() {
        return indexed.get();
    }

    public long deadLetteredCount() {
        return deadLettered.get();
    }

    /** Installs the index templates, then consumes on its own thread. */
    public void start() {
        RequiredTopics.check(config.kafkaClientProperties(), "index-service",
                List.of(Topics.ENRICHED_ARTICLES, Topics.FX_TICKS, Topics.INDEX_DLQ));
        IndexTemplates.ensure(client, config.getInt(IndexConfig.INDEX_REPLICAS));
        dev.caravan.index.bulk.IndexLifecycle.apply(client, config.retentionMonths());
        thread = new Thread(this::run, "caravan-index");
        thread.start();
    }

    /** How long a poll waits for more records of a begun batch before the consumer counts as caught up. */
    private static final long CAUGHT_UP_POLL_MS = 10;

    /**
     * Records read but not yet sent to OpenSearch, and the offsets that are done once they settle:
     * the consumer's positions when the batch was sent, not "last record + 1". On a transactional
     * topic (enrich writes exactly-once) the commit marker after a transaction's records has an
     * offset of its own, which the consumer skips; committing the last record + 1 would leave the
     * group's lag at 1 per transaction forever.
     */
    private static final class Batch {
        final List<IndexAction> actions = new ArrayList<>();
        final java.util.Set<TopicPartition> partitions = new java.util.HashSet<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = Map.of();
        long bytes;
        long started;

        boolean isEmpty() {
            return partitions.isEmpty();
        }
    }

    /** A batch whose bulk runs on the bulk thread; its offsets are committed (on this thread) once it settled. */
    private record InFlight(Batch batch, long startedNanos, Future<BulkOutcome> outcome) {
    }

    /**
     * The consumer loop. While one bulk runs on the bulk thread, the next batch is polled,
     * deserialised and mapped here, so OpenSearch is not left waiting for Kafka and Avro. At most one
     * bulk is in flight and one batch is being filled (bounded memory); a batch is sent only after
     * the one before it settled, in order, and offsets are committed only for settled batches.
     * A batch goes when it is full (docs or bytes), or when no bulk is in flight and either it has
     * waited {@code index.bulk.linger.ms} or the consumer is caught up (a short poll brought nothing
     * more): under load, batches fill while the previous bulk runs; between bursts, a document does
     * not wait out a linger that would only add latency.
     */
    private void run() {
        int maxDocs = config.getInt(IndexConfig.BULK_MAX_DOCS);
        long maxBytes = config.getInt(IndexConfig.BULK_MAX_BYTES);
        long lingerMs = config.getInt(IndexConfig.BULK_LINGER_MS);
        ExecutorService bulkThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "caravan-index-bulk");
            t.setDaemon(true);
            return t;
        });
        Batch batch = new Batch();
        InFlight inFlight = null;
        try {
            consumer.subscribe(List.of(Topics.ENRICHED_ARTICLES, Topics.FX_TICKS));
            while (running) {
                // With a bulk in flight, come back soon to settle it; with a batch begun, a short wait tells
                // whether more is coming; otherwise wait for records up to half the linger.
                long pollMs = inFlight != null ? 5 : !batch.isEmpty() ? CAUGHT_UP_POLL_MS : Math.max(10, lingerMs / 2);
                int polled = 0;
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(pollMs))) {
                    polled++;
                    if (batch.isEmpty()) {
                        batch.started = System.currentTimeMillis();
                    }
                    batch.partitions.add(new TopicPartition(record.topic(), record.partition()));
                    IndexAction action = toAction(record);
                    if (action != null) {
                        batch.actions.add(action);
                        batch.bytes += record.value() == null ? 0 : record.value().length;
                    }
                }
                Settled settled = null;
                if (inFlight != null && inFlight.outcome().isDone()) {
                    settled = settle(inFlight);
                    inFlight = null;
                }
                if (!batch.isEmpty()) {
                    boolean full = batch.actions.size() >= maxDocs || batch.bytes >= maxBytes;
                    boolean idle = inFlight == null && ((polled == 0 && pollMs == CAUGHT_UP_POLL_MS)
                            || System.currentTimeMillis() - batch.started >= lingerMs);
                    if (full || idle) {
                        if (inFlight != null) {
                            settled = settle(inFlight); // one bulk at a time: wait for the one before
                        }
                        Batch sending = batch;
                        // Everything the consumer returned so far is in this batch or an earlier one: its
                        // positions are done once this bulk (and, in order, the ones before) settled.
                        sending.offsets = positions();
                        inFlight = new InFlight(sending, System.nanoTime(),
                                bulkThread.submit(() -> indexer.index(sending.actions, () -> running)));
                        batch = new Batch();
                    }
                }
                if (settled != null) {
                    // After the next bulk was sent, so OpenSearch does not wait on the commit's round trip.
                    commitSettled(settled);
                } else if (batch.isEmpty() && inFlight == null && polled == 0) {
                    // Nothing read is unsettled: a position that moved past records of no batch (a transaction
                    // marker read after the last bulk was sent, an aborted transaction) is committed too.
                    commit(positions());
                }
            }
        } catch (WakeupException | BulkIndexer.ShutdownException e) {
            LOG.info("Index service stopping; {} unsettled documents will be read again on restart",
                    batch.actions.size() + (inFlight == null ? 0 : inFlight.batch().actions.size()));
        } catch (RuntimeException e) {
            LOG.error("Index service failed: {}", e.getMessage(), e);
        } finally {
            bulkThread.shutdownNow();
            try {
                bulkThread.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            consumer.close(Duration.ofSeconds(10));
            dlqProducer.close(Duration.ofSeconds(10));
            stopped.countDown();
        }
    }

    /** A bulk whose every document is in OpenSearch or stored in the DLQ: its offsets may be committed. */
    private record Settled(InFlight inFlight, BulkOutcome outcome) {
    }

    /** Waits for a bulk to settle and dead-letters its rejected documents (waiting until Kafka stored them). */
    private Settled settle(InFlight inFlight) {
        BulkOutcome outcome;
        try {
            outcome = inFlight.outcome().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BulkIndexer.ShutdownException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
        bulkLatency.record(System.nanoTime() - inFlight.startedNanos(), TimeUnit.NANOSECONDS);
        retries.increment(outcome.retries());
        for (BulkOutcome.Rejected rejected : outcome.rejected()) {
            IndexAction a = rejected.action();
            deadLetters.send(a.topic(), a.partition(), a.offset(), a.key(), a.value(), rejected.status(), rejected.reason());
        }
        deadLettered.addAndGet(deadLetters.awaitAll());
        return new Settled(inFlight, outcome);
    }

    /** Commits the offsets of a settled bulk and counts its documents. */
    private void commitSettled(Settled settled) {
        BulkOutcome outcome = settled.outcome();
        commit(settled.inFlight().batch().offsets);
        indexed.addAndGet(outcome.indexed() + outcome.keptNewer());
        LOG.info("Indexed {} documents ({} kept newer revision, {} dead-lettered, {} retries) in {} ms",
                outcome.indexed(), outcome.keptNewer(), outcome.rejected().size(), outcome.retries(),
                (System.nanoTime() - settled.inFlight().startedNanos()) / 1_000_000);
    }

    /**
     * Commits the offsets of a settled batch. A broker that is away (longer than the commit
     * timeout) is waited for rather than ending the consumer loop; a commit refused because the
     * partitions moved is let go: the documents are in OpenSearch and the new owner's replay
     * overwrites them.
     */
    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        Map<TopicPartition, OffsetAndMetadata> changed = new HashMap<>();
        offsets.forEach((tp, at) -> {
            if (!Long.valueOf(at.offset()).equals(lastCommitted.get(tp))) {
                changed.put(tp, at);
            }
        });
        if (changed.isEmpty()) {
            return;
        }
        while (running) {
            try {
                consumer.commitSync(changed);
                changed.forEach((tp, at) -> lastCommitted.put(tp, at.offset()));
                return;
            } catch (RetriableException e) {
                LOG.warn("Offset commit not done yet, retrying: {}", e.getMessage());
            } catch (CommitFailedException | RebalanceInProgressException e) {
                LOG.warn("Offset commit refused after a rebalance; the batch will be read again: {}", e.getMessage());
                return;
            }
        }
    }

    /**
     * The consumer's position on each assigned partition: the offset after the last record it
     * returned and after any transaction marker or aborted records it skipped. A partition whose
     * position is not known yet (just assigned) is left out.
     */
    private Map<TopicPartition, OffsetAndMetadata> positions() {
        Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            try {
                positions.put(tp, new OffsetAndMetadata(consumer.position(tp, Duration.ZERO)));
            } catch (org.apache.kafka.common.errors.TimeoutException | IllegalStateException e) {
                // no position yet: nothing of it was read, so nothing of it is to commit
            }
        }
        return positions;
    }

    /** Reads a record; one that cannot be read is dead-lettered at once and yields null. */
    private IndexAction toAction(ConsumerRecord<byte[], byte[]> record) {
        Object value;
        try {
            value = deserializer.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            deadLetters.send(record.topic(), record.partition(), record.offset(), record.key(), record.value(), 0,
                    "cannot deserialize: " + e.getMessage());
            return null;
        }
        // A record of the other topic's type is as wrong as unreadable bytes: it goes to the DLQ below.
        if (value instanceof EnrichedArticle article && Topics.ENRICHED_ARTICLES.equals(record.topic())) {
            return new IndexAction(ArticleDocuments.articleIndex(article.getPublishedDate()), article.getId(),
                    DocumentJson.of(ArticleDocuments.article(article)), ArticleDocuments.version(article),
                    record.topic(), record.partition(), record.offset(), record.key(), record.value());
        }
        if (value instanceof FxTick tick && Topics.FX_TICKS.equals(record.topic())) {
            return new IndexAction(ArticleDocuments.fxIndex(tick.getAsOf()), ArticleDocuments.fxId(tick),
                    DocumentJson.of(ArticleDocuments.fxTick(tick)), null,
                    record.topic(), record.partition(), record.offset(), record.key(), record.value());
        }
        deadLetters.send(record.topic(), record.partition(), record.offset(), record.key(), record.value(), 0,
                "unexpected record type " + (value == null ? "null (tombstone)" : value.getClass().getName()));
        return null;
    }

    /** Stops consuming; an unsettled batch is not committed and will be read again. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            if (thread != null && !stopped.await(30, TimeUnit.SECONDS)) {
                LOG.warn("Index service did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        health.close();
    }
}
