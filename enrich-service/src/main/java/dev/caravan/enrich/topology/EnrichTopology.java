package dev.caravan.enrich.topology;

import dev.caravan.enrich.config.EnrichConfig;
import dev.caravan.enrich.fx.FxTickRecorder;
import dev.caravan.enrich.gazetteer.GazetteerRecorder;
import dev.caravan.enrich.gazetteer.LiveGazetteer;
import dev.caravan.enrich.metrics.EnrichMetrics;
import dev.caravan.enrich.tag.ArticleEnricher;
import dev.caravan.enrich.tag.Gazetteer;
import dev.caravan.enrich.trend.TrendingEntities;
import dev.caravan.schema.EnrichedArticle;
import dev.caravan.schema.FxTick;
import dev.caravan.schema.Topics;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.VersionedKeyValueStore;

/**
 * The enrich topology, built here for both {@code main} and the tests:
 * <pre>
 *   fx.ticks.v1 ──► global versioned store "fx-rates" (every instance holds every pair's history)
 *   gazetteer.entities.v1 ──► global store "gazetteer" (entries added without a redeploy)
 *   news.articles.raw.v1 ──► tag + convert money as of the article's day ──► news.articles.enriched.v1
 *                                                                    └──► trending counts ──► news.entities.trending.v1
 * </pre>
 * An article is converted with the latest rate on or before its day known then (see rateAsOf). One
 * whose money found no rate waits in the store {@link AwaitingRates#STORE}; a tick that arrives later
 * makes it enriched again and sent once more as a newer revision (bounded in number and age).
 */
public final class EnrichTopology {

    public static final String FX_STORE = "fx-rates";
    public static final String GAZETTEER_STORE = "gazetteer";
    /** Rate history kept for as-of lookups; ticks are tiny (a few pairs a day). */
    public static final Duration FX_HISTORY = Duration.ofDays(3650);
    /** Under the producer's 1 MiB max.request.size, with room for headers and batch overhead. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1_000_000;

    private EnrichTopology() {
    }

    /**
     * @param bundled         the gazetteer shipped with the service
     * @param enricherFactory builds the tagger for a gazetteer (again when the gazetteer topic changes)
     */
    public static Topology build(Gazetteer bundled, Function<Gazetteer, ArticleEnricher> enricherFactory,
                                 EnrichSerdes serdes) {
        return build(bundled, enricherFactory, serdes, GlobalDeadLetters.LOG_ONLY);
    }

    /** @param globalDeadLetters where unreadable FX ticks go (Streams' own DLQ cannot serve global stores) */
    public static Topology build(Gazetteer bundled, Function<Gazetteer, ArticleEnricher> enricherFactory,
                                 EnrichSerdes serdes, GlobalDeadLetters globalDeadLetters) {
        return build(bundled, enricherFactory, serdes, globalDeadLetters, DEFAULT_MAX_RECORD_BYTES, AwaitingRates.DEFAULTS);
    }

    public static Topology build(Gazetteer bundled, Function<Gazetteer, ArticleEnricher> enricherFactory,
                                 EnrichSerdes serdes, GlobalDeadLetters globalDeadLetters, int maxRecordBytes,
                                 AwaitingRates awaiting) {
        return build(bundled, enricherFactory, serdes, globalDeadLetters, maxRecordBytes, awaiting, EnrichMetrics.unregistered());
    }

    /**
     * @param maxRecordBytes largest enriched record written; a larger one goes to the DLQ as its raw article
     * @param awaiting       how articles without a rate wait for a late tick
     */
    public static Topology build(Gazetteer bundled, Function<Gazetteer, ArticleEnricher> enricherFactory,
                                 EnrichSerdes serdes, GlobalDeadLetters globalDeadLetters, int maxRecordBytes,
                                 AwaitingRates awaiting, EnrichMetrics metrics) {
        StreamsBuilder builder = new StreamsBuilder();
        LiveGazetteer live = new LiveGazetteer(bundled, enricherFactory);
        AtomicLong fxChanges = new AtomicLong(); // bumped per stored tick; article processors remember rates until then
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(GAZETTEER_STORE),
                        Serdes.String(), Serdes.String()).withLoggingDisabled(),
                Topics.GAZETTEER, Consumed.with(Serdes.String(), Serdes.String()).withName("gazetteer-entries"),
                () -> new GazetteerRecorder(GAZETTEER_STORE, live));
        StoreBuilder<VersionedKeyValueStore<String, FxTick>> fxStore = Stores.versionedKeyValueStoreBuilder(
                Stores.persistentVersionedKeyValueStore(FX_STORE, FX_HISTORY), serdes.key(), serdes.tick())
                .withLoggingDisabled(); // a global store restores from its source topic
        builder.addGlobalStore(fxStore, Topics.FX_TICKS,
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("fx-ticks"),
                () -> new FxTickRecorder(FX_STORE, serdes.tick().deserializer(), globalDeadLetters, fxChanges));

        RecordSizeGuard sizeGuard = new RecordSizeGuard(serdes.enriched().serializer(), maxRecordBytes);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(awaiting.store()),
                serdes.key(), serdes.raw()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(awaiting.countsStore()),
                serdes.key(), Serdes.Integer()));
        // process(), not processValues(): a late tick makes the punctuator send a record of its own.
        // The key stays the article id, and the trending counts repartition by entity anyway.
        KStream<String, EnrichOutcome> outcomes = builder
                .stream(Topics.RAW_ARTICLES, Consumed.with(serdes.key(), serdes.raw()).withName("raw-articles"))
                .process(() -> new EnrichProcessor(live, FX_STORE, GAZETTEER_STORE, fxChanges, sizeGuard, awaiting, metrics),
                        Named.as("tag-and-convert"), awaiting.store(), awaiting.countsStore());
        outcomes.filter((id, outcome) -> outcome.isRejected(), Named.as("too-large"))
                .mapValues(outcome -> outcome.rejected(), Named.as("too-large-raw"))
                .to(Topics.ENRICH_DLQ, Produced.with(serdes.key(), serdes.raw()).withName("too-large-dead-letters"));
        KStream<String, EnrichedArticle> enriched = outcomes
                .filterNot((id, outcome) -> outcome.isRejected(), Named.as("fits"))
                .mapValues(outcome -> outcome.enriched(), Named.as("enriched"));
        enriched.to(Topics.ENRICHED_ARTICLES, Produced.with(serdes.key(), serdes.enriched()).withName("enriched-articles"));
        TrendingEntities.count(enriched, Topics.TRENDING_ENTITIES, serdes.trend());
        return builder.build();
    }

    /**
     * Exactly-once, and a record that cannot be read or processed goes to the DLQ topic with
     * headers saying why and where it came from (Kafka Streams' built-in dead-letter support).
     */
    public static Properties streamsProperties(EnrichConfig config) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.getString(EnrichConfig.APPLICATION_ID));
        props.putAll(config.kafkaClientProperties());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.getInt(EnrichConfig.STREAM_THREADS));
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.getString(EnrichConfig.STATE_DIR));
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.getInt(EnrichConfig.COMMIT_INTERVAL_MS));
        // Streams' producer lingers 100 ms by default, so under exactly-once most output waited for the
        // commit's flush and the stream thread stalled on its whole round trip (JFR: the longest waits).
        // Sending within 5 ms overlaps produce with processing; the flush only waits for the tail.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), config.getInt(EnrichConfig.PRODUCER_BATCH_BYTES));
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.getInt(EnrichConfig.REPLICATION_FACTOR));
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.ENRICH_DLQ);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
        // The partition assignor reads its Streams settings from the main consumer's configs, where this
        // key is not copied: without it, it warns at start that the global thread has no handler.
        props.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), "true");
        return props;
    }
}
