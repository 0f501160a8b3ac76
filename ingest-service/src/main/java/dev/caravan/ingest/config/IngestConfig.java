package dev.caravan.ingest.config;

import dev.caravan.config.ConfigSources;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Settings of the ingest service; each key can also be set as CARAVAN_&lt;KEY&gt; in the environment. */
public final class IngestConfig extends AbstractConfig {

    public static final String KAFKA_BOOTSTRAP = "kafka.bootstrap";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String SOURCE = "ingest.source";
    public static final String PRODUCER_LINGER_MS = "ingest.producer.linger.ms";
    public static final String SEND_TIMEOUT_MS = "ingest.send.timeout.ms";

    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(KAFKA_BOOTSTRAP, Type.STRING, "localhost:9092", new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Kafka bootstrap servers, host:port[,host:port...].")
            .define(SCHEMA_REGISTRY_URL, Type.STRING, "http://localhost:8081", new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "Confluent-compatible schema registry URL.")
            .define(SOURCE, Type.STRING, "", Importance.MEDIUM,
                    "Source name recorded on articles; empty means: derived from the file name (the part before the first '-').")
            .define(PRODUCER_LINGER_MS, Type.INT, 20, ConfigDef.Range.between(0, 10_000), Importance.LOW,
                    "How long the producer waits to fill a batch.")
            .define(SEND_TIMEOUT_MS, Type.INT, 120_000, ConfigDef.Range.atLeast(1_000), Importance.LOW,
                    "Upper bound for Kafka to acknowledge a record (delivery.timeout.ms).");

    public IngestConfig(Map<String, ?> values) {
        super(DEFINITION, values, false);
    }

    public static IngestConfig fromEnvironment(Map<String, String> overrides) {
        return new IngestConfig(ConfigSources.resolve(DEFINITION, System.getenv(), overrides).values());
    }

    public String kafkaBootstrap() {
        return getString(KAFKA_BOOTSTRAP);
    }

    public String schemaRegistryUrl() {
        return getString(SCHEMA_REGISTRY_URL);
    }

    public String source() {
        return getString(SOURCE);
    }
}
