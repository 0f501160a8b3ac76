package dev.caravan.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caravan.config.ConfigSources;
import dev.caravan.ingest.publish.RecordPublisher;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

    private static Object compressionOf(Map<String, String> environment) {
        IngestConfig config = new IngestConfig(ConfigSources.resolve(IngestConfig.DEFINITION, environment, Map.of()).values());
        return RecordPublisher.producerProperties(config).get(ProducerConfig.COMPRESSION_TYPE_CONFIG);
    }

    @Test
    void compressionIsLz4UnlessSetAndEveryKafkaCodecCanBeChosen() {
        assertThat(compressionOf(Map.of())).isEqualTo("lz4");
        for (String codec : IngestConfig.COMPRESSION_TYPES) {
            assertThat(compressionOf(Map.of("CARAVAN_INGEST_PRODUCER_COMPRESSION", codec))).isEqualTo(codec);
        }
        assertThat(compressionOf(Map.of("CARAVAN_INGEST_PRODUCER_COMPRESSION", "GZIP"))).isEqualTo("gzip");
        assertThat(IngestConfig.COMPRESSION_TYPES).containsExactly("none", "gzip", "snappy", "lz4", "zstd");
    }

    @Test
    void anUnknownCodecStopsTheStartNamingTheKey() {
        assertThatThrownBy(() -> compressionOf(Map.of("CARAVAN_INGEST_PRODUCER_COMPRESSION", "brotli")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(IngestConfig.PRODUCER_COMPRESSION).hasMessageContaining("brotli");
    }
}
