package dev.caravan.enrich;

import dev.caravan.enrich.config.EnrichConfig;
import dev.caravan.enrich.metrics.EnrichMetrics;
import dev.caravan.enrich.metrics.StateStoreTags;
import dev.caravan.enrich.tag.ArticleEnricher;
import dev.caravan.enrich.tag.Gazetteer;
import dev.caravan.enrich.topology.EnrichSerdes;
import dev.caravan.enrich.topology.GlobalDeadLetters;
import dev.caravan.enrich.topology.OutputSchemas;
import dev.caravan.enrich.topology.EnrichTopology;
import java.time.Clock;
import java.time.Duration;
import dev.caravan.ops.Health;
import dev.caravan.ops.HealthCheck;
import dev.caravan.ops.KafkaMeterFilters;
import dev.caravan.ops.Probes;
import dev.caravan.ops.RequiredTopics;
import dev.caravan.schema.Topics;
import java.util.List;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the enrich topology until closed. */
public final class EnrichService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);

    private final KafkaStreams streams;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Health health;
    private final EnrichConfig config;
    private final GlobalDeadLetters globalDeadLetters;
    private final EnrichSerdes serdes;
    private volatile Thread starter;

    public EnrichService(EnrichConfig config) {
        this.config = config;
        // First: a filter applies only to meters registered after it (EnrichMetrics registers its own below).
        metrics.config().meterFilter(new StateStoreTags());
        // Kafka reports each per-topic client meter (records-lag, ...) twice, the second time with '_' for '.'
        // (deprecated): keep one series per topic and partition.
        metrics.config().meterFilter(KafkaMeterFilters.dropDeprecatedTopicTags(List.of(Topics.RAW_ARTICLES, Topics.FX_TICKS,
                Topics.GAZETTEER, Topics.ENRICHED_ARTICLES, Topics.TRENDING_ENTITIES, Topics.ENRICH_DLQ)));
        this.globalDeadLetters = GlobalDeadLetters.toKafka(config.kafkaClientProperties());
        int fxMaxAgeDays = config.getInt(EnrichConfig.FX_MAX_AGE_DAYS);
        this.serdes = EnrichSerdes.forRegistry(config.schemaRegistryUrl());
        this.streams = new KafkaStreams(
                EnrichTopology.build(Gazetteer.bundled(),
                        gazetteer -> new ArticleEnricher(gazetteer, fxMaxAgeDays, Clock.systemUTC(), config.articleLimits()),
                        serdes, globalDeadLetters, config.getInt(EnrichConfig.MAX_RECORD_BYTES),
                        config.awaitingRates(), new EnrichMetrics(metrics)),
                EnrichTopology.streamsProperties(config));
        streams.setStateListener((now, before) -> LOG.info("Enrich streams {} -> {}", before, now));
        streams.setUncaughtExceptionHandler(e -> {
            // A record that kills a thread would kill its replacement too: stop, say why, report DOWN.
            LOG.error("Enrich stream stopped by an error it could not skip; health now reports DOWN: {}", e.toString(), e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        new KafkaStreamsMetrics(streams).bindTo(metrics);
        this.health = new Health()
                .live("streams", () -> streams.state().hasNotStarted() || streams.state().isRunningOrRebalancing()
                        || streams.state() == KafkaStreams.State.PENDING_SHUTDOWN
                        ? HealthCheck.Result.up(streams.state().name()) : HealthCheck.Result.down(streams.state().name()))
                .ready("kafka", Probes.kafka(config.kafkaClientProperties()))
                .ready("schemaRegistry", Probes.schemaRegistry(config.schemaRegistryUrl()))
                .ready("streams", () -> streams.state() == KafkaStreams.State.RUNNING
                        ? HealthCheck.Result.up("RUNNING") : HealthCheck.Result.down(streams.state().name()));
    }

    /**
     * Checks the topics, then starts consuming as soon as the output schemas are known to the
     * registry: while the registry is down the app waits (not ready) and nothing is read, so nothing
     * can be lost or dead-lettered for want of a schema id.
     */
    public void start() {
        RequiredTopics.check(config.kafkaClientProperties(), "enrich-service",
                List.of(Topics.RAW_ARTICLES, Topics.FX_TICKS, Topics.GAZETTEER, Topics.ENRICHED_ARTICLES,
                        Topics.TRENDING_ENTITIES, Topics.ENRICH_DLQ));
        starter = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    OutputSchemas.warm(serdes);
                    streams.start();
                    return;
                } catch (RuntimeException e) {
                    LOG.warn("Enrich waits for the schema registry before consuming: {}", e.getMessage());
                    try {
                        Thread.sleep(2_000); // a retry pause in a service thread, not a test
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }, "caravan-enrich-start");
        starter.setDaemon(true);
        starter.start();
    }

    /** Kafka Streams metrics (process rates, lag, dropped records) for Prometheus. */
    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    /** Live while the app has not failed; ready when Kafka and the registry answer and the app is RUNNING. */
    public Health health() {
        return health;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        Thread pending = starter;
        if (pending != null) {
            pending.interrupt();
        }
        // Leave the group at once, so the remaining instances take over the partitions now
        // rather than after the session timeout: scaling down should not stall the stage.
        streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        globalDeadLetters.close();
        health.close();
    }
}
