package dev.caravan.enrich.topology;

import dev.caravan.schema.EnrichedArticle;
import dev.caravan.schema.EntityTrend;
import dev.caravan.schema.EntityType;
import dev.caravan.schema.Topics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Registers (or looks up) the schemas of the enrich outputs in the very serializers the topology
 * uses, before any record is processed. A serializer that meets a subject for the first time
 * needs the registry; doing it up front means a registry outage later finds every id cached,
 * instead of stalling a stream thread past its transaction timeout on the first trending record.
 */
public final class OutputSchemas {

    private OutputSchemas() {
    }

    /** @throws RuntimeException when the registry cannot be reached (after the serde's own retries) */
    public static void warm(EnrichSerdes serdes) {
        Instant epoch = Instant.EPOCH;
        EnrichedArticle article = EnrichedArticle.newBuilder().setId("schema-warm-up").setSource("caravan")
                .setTitle("").setBody("").setPublishedDate(LocalDate.EPOCH).setIngestedAt(epoch).setContentHash("")
                .setEntities(List.of()).setMoney(List.of()).setEnrichedAt(epoch).setTaggerVersion("").build();
        EntityTrend trend = EntityTrend.newBuilder().setType(EntityType.PERSON).setName("").setWindow("PT1H")
                .setWindowStart(epoch).setWindowEnd(epoch).setArticles(0).build();
        serdes.enriched().serializer().serialize(Topics.ENRICHED_ARTICLES, article);
        serdes.trend().serializer().serialize(Topics.TRENDING_ENTITIES, trend);
    }
}
