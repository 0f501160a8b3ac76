package dev.caravan.enrich.topology;

import dev.caravan.enrich.config.EnrichConfig;
import dev.caravan.enrich.tag.ArticleEnricher;
import dev.caravan.schema.Topics;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/** The enrich topology, built here for both {@code main} and the tests. */
public final class EnrichTopology {

    private EnrichTopology() {
    }

    public static Topology build(ArticleEnricher enricher, EnrichSerdes serdes) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.RAW_ARTICLES, Consumed.with(serdes.key(), serdes.raw()).withName("raw-articles"))
                .mapValues(enricher::enrich, Named.as("tag-entities"))
                .to(Topics.ENRICHED_ARTICLES, Produced.with(serdes.key(), serdes.enriched()).withName("enriched-articles"));
        return builder.build();
    }

    /**
     * Exactly-once, and a record that cannot be read or processed goes to the DLQ topic with
     * headers saying why and where it came from (Kafka Streams' built-in dead-letter support).
     */
    public static Properties streamsProperties(EnrichConfig config) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.getString(EnrichConfig.APPLICATION_ID));
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.getInt(EnrichConfig.STREAM_THREADS));
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.getString(EnrichConfig.STATE_DIR));
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.getInt(EnrichConfig.COMMIT_INTERVAL_MS));
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.getInt(EnrichConfig.REPLICATION_FACTOR));
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.ENRICH_DLQ);
        props.put("processing.exception.handler.global.enabled", true);
        return props;
    }
}
