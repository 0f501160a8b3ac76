package dev.caravan.enrich.topology;

import dev.caravan.registry.serde.AvroSerdeConfig;
import dev.caravan.registry.serde.SpecificAvroSerde;
import dev.caravan.schema.EnrichedArticle;
import dev.caravan.schema.EntityTrend;
import dev.caravan.schema.FxTick;
import dev.caravan.schema.RawArticle;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** The serdes of the enrich topology, configured once for a registry URL ("mock://..." in unit tests). */
public record EnrichSerdes(Serde<String> key, Serde<RawArticle> raw, Serde<FxTick> tick, Serde<EnrichedArticle> enriched,
                           Serde<EntityTrend> trend) {

    public static EnrichSerdes forRegistry(String registryUrl) {
        Map<String, Object> config = Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl,
                AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true);
        return new EnrichSerdes(Serdes.String(), valueSerde(RawArticle.class, config), valueSerde(FxTick.class, config),
                valueSerde(EnrichedArticle.class, config), valueSerde(EntityTrend.class, config));
    }

    /**
     * Bound to its class: a record written with another schema (an FxTick on the articles topic)
     * then fails to deserialise and is dead-lettered, instead of reaching a processor as the wrong type.
     */
    private static <T extends org.apache.avro.specific.SpecificRecord> Serde<T> valueSerde(Class<T> type, Map<String, Object> config) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type);
        serde.configure(config, false);
        return serde;
    }
}
