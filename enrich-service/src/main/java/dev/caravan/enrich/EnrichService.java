package dev.caravan.enrich;

import dev.caravan.enrich.config.EnrichConfig;
import dev.caravan.enrich.tag.ArticleEnricher;
import dev.caravan.enrich.tag.Gazetteer;
import dev.caravan.enrich.topology.EnrichSerdes;
import dev.caravan.enrich.topology.EnrichTopology;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the enrich topology until closed. */
public final class EnrichService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);

    private final KafkaStreams streams;

    public EnrichService(EnrichConfig config) {
        int fxMaxAgeDays = config.getInt(EnrichConfig.FX_MAX_AGE_DAYS);
        this.streams = new KafkaStreams(
                EnrichTopology.build(Gazetteer.bundled(),
                        gazetteer -> new ArticleEnricher(gazetteer, fxMaxAgeDays, Clock.systemUTC()),
                        EnrichSerdes.forRegistry(config.schemaRegistryUrl())),
                EnrichTopology.streamsProperties(config));
        streams.setStateListener((now, before) -> LOG.info("Enrich streams {} -> {}", before, now));
    }

    public void start() {
        streams.start();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        // Leave the group at once, so the remaining instances take over the partitions now
        // rather than after the session timeout: scaling down should not stall the stage.
        streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }
}
