package dev.caravan.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caravan.ingest.config.IngestConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalPipelineConfigTest {

    private static final Map<String, String> COMMON = Map.of("kafka.bootstrap", "localhost:1", "schema.registry.url", "http://localhost:2");

    @Test
    void theDemoHonoursTheTokenAndListensOnLoopbackUnlessToldOtherwise() {
        IngestConfig config = LocalPipeline.demoIngestConfig(COMMON, Map.of("CARAVAN_INGEST_API_TOKEN", "secret"));
        assertThat(config.apiToken()).isEqualTo("secret");
        assertThat(config.getString(IngestConfig.API_HOST)).isEqualTo("127.0.0.1");
        assertThat(config.kafkaBootstrap()).isEqualTo("localhost:1");

        IngestConfig everywhere = LocalPipeline.demoIngestConfig(COMMON, Map.of("CARAVAN_INGEST_API_HOST", "0.0.0.0"));
        assertThat(everywhere.getString(IngestConfig.API_HOST)).isEqualTo("0.0.0.0");
        assertThat(everywhere.apiToken()).isEmpty();
    }
}
