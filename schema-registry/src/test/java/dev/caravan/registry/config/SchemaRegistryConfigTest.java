package dev.caravan.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

class SchemaRegistryConfigTest {

    @Test
    void aClusterWithSaslOverTlsIsReachedWithTheSameKeysAsTheServices() {
        SchemaRegistryConfig config = SchemaRegistryConfig.resolve(null, Map.of(
                "CARAVAN_KAFKA_BOOTSTRAP", "kafka-1:9093",
                "CARAVAN_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "CARAVAN_KAFKA_SASL_USERNAME", "registry",
                "CARAVAN_KAFKA_SASL_PASSWORD", "s3cret",
                "CARAVAN_KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/caravan/truststore.jks"), Map.of());

        Map<String, Object> props = config.kafkaClientProperties();

        assertThat(props).containsEntry("bootstrap.servers", "kafka-1:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/etc/caravan/truststore.jks");
        assertThat(((Password) props.get("sasl.jaas.config")).value())
                .contains("ScramLoginModule").contains("username=\"registry\"").contains("password=\"s3cret\"");
    }

    @Test
    void plaintextByDefaultWithNothingButTheBootstrap() {
        SchemaRegistryConfig config = SchemaRegistryConfig.resolve(null, Map.of("CARAVAN_KAFKA_BOOTSTRAP", "kafka-1:9092"), Map.of());

        assertThat(config.kafkaClientProperties()).containsOnlyKeys("bootstrap.servers", "security.protocol")
                .containsEntry("security.protocol", "PLAINTEXT");
    }

    @Test
    void anUnknownSecurityProtocolIsNamedAtStartUp() {
        assertThatThrownBy(() -> SchemaRegistryConfig.resolve(null, Map.of("CARAVAN_KAFKA_SECURITY_PROTOCOL", "TLS"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("kafka.security.protocol");
    }
}
