package dev.caravan.enrich.trend;

import dev.caravan.schema.EnrichedArticle;
import dev.caravan.schema.Entity;
import dev.caravan.schema.EntityTrend;
import dev.caravan.schema.EntityType;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Counts, per entity, the articles mentioning it in hopping hourly windows (advancing every 15
 * minutes) and daily windows, by the time the article entered Kafka: "what is talked about now".
 * Each task first sums its articles per entity and 15-minute slice ({@link MentionBuffer}); the
 * sums, not single mentions, cross the repartition topic into the window stores.
 * <p>
 * Every hopping window an article falls in is one more window-store update per entity it mentions:
 * advancing every 5 minutes meant 12 hourly updates + 1 daily per entity and article, about a quarter
 * of the enrich stream thread's time (JFR). Advancing every 15 minutes (4 + 1) keeps an hourly view
 * that dashboards refresh four times an hour, for well under half of that cost.
 */
public final class TrendingEntities {

    public static final Duration HOUR = Duration.ofHours(1);
    public static final Duration ADVANCE = Duration.ofMinutes(15);
    public static final Duration DAY = Duration.ofDays(1);
    /** Articles may be late by this much and still count in their window. */
    public static final Duration GRACE = Duration.ofMinutes(10);

    /**
     * The grouping's name: its repartition topic is {@code <application.id>-entity-sums-repartition},
     * which a deployment (or the demo) may create before the app starts.
     */
    public static final String GROUPING = "entity-sums";

    private TrendingEntities() {
    }

    public static void count(KStream<String, EnrichedArticle> enriched, String outputTopic, Serde<EntityTrend> trendSerde) {
        KStream<String, Long> sums = enriched.process(MentionBuffer.supplier(ADVANCE), Named.as("sum-mentions"));
        // A new repartition topic name: the one before carried one record per mention (article ids, not sums).
        var grouped = sums.groupByKey(Grouped.with(GROUPING, Serdes.String(), Serdes.Long()));
        grouped.windowedBy(TimeWindows.ofSizeAndGrace(HOUR, GRACE).advanceBy(ADVANCE))
                .reduce(Long::sum, Named.as("count-hourly"), Materialized.<String, Long, WindowStore<Bytes, byte[]>>as("trending-hourly")
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()))
                .toStream(Named.as("hourly-updates"))
                .map((window, count) -> trend(window, count, "PT1H"), Named.as("hourly-trend"))
                .to(outputTopic, Produced.with(Serdes.String(), trendSerde).withName("trending-hourly-out"));
        grouped.windowedBy(TimeWindows.ofSizeAndGrace(DAY, GRACE))
                .reduce(Long::sum, Named.as("count-daily"), Materialized.<String, Long, WindowStore<Bytes, byte[]>>as("trending-daily")
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()))
                .toStream(Named.as("daily-updates"))
                .map((window, count) -> trend(window, count, "P1D"), Named.as("daily-trend"))
                .to(outputTopic, Produced.with(Serdes.String(), trendSerde).withName("trending-daily-out"));
    }

    static String key(Entity entity) {
        return entity.getType().name() + ":" + entity.getName();
    }

    private static KeyValue<String, EntityTrend> trend(Windowed<String> window, Long count, String size) {
        String entity = window.key();
        int colon = entity.indexOf(':');
        EntityTrend trend = EntityTrend.newBuilder()
                .setType(EntityType.valueOf(entity.substring(0, colon)))
                .setName(entity.substring(colon + 1))
                .setWindow(size)
                .setWindowStart(Instant.ofEpochMilli(window.window().start()))
                .setWindowEnd(Instant.ofEpochMilli(window.window().end()))
                .setArticles(count)
                .build();
        return KeyValue.pair(entity + "@" + size + ":" + window.window().startTime(), trend);
    }
}
