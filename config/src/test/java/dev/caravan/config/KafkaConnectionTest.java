package dev.caravan.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaConnectionTest {

    private final ConfigDef definition = KafkaConnection.define(new ConfigDef());

    @Test
    void plaintextByDefaultWithNothingElse() {
        Map<String, Object> props = KafkaConnection.clientProperties(new AbstractConfig(definition, Map.of()));
        assertThat(props).containsEntry("bootstrap.servers", "localhost:9092")
                .containsEntry("security.protocol", "PLAINTEXT").doesNotContainKey("sasl.jaas.config");
    }

    @Test
    void saslSslBuildsTheJaasLineFromAPasswordFileAndNeverShowsIt(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("kafka-password");
        Files.writeString(secret, "s3\"cret\n");
        var resolved = ConfigSources.resolve(definition, Map.of(
                "CARAVAN_KAFKA_SECURITY_PROTOCOL", "sasl_ssl",
                "CARAVAN_KAFKA_SASL_USERNAME", "caravan",
                "CARAVAN_KAFKA_SASL_PASSWORD_FILE", secret.toString(),
                "CARAVAN_KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/caravan/truststore.p12"), Map.of());
        Map<String, Object> props = KafkaConnection.clientProperties(new AbstractConfig(definition, resolved.values()));

        assertThat(props).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/etc/caravan/truststore.p12");
        Password jaas = (Password) props.get("sasl.jaas.config");
        assertThat(jaas.value()).isEqualTo(
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"caravan\" password=\"s3\\\"cret\";");
        assertThat(jaas.toString()).doesNotContain("s3");
        assertThat(String.join("\n", ConfigExplainer.explain("svc", definition, resolved))).doesNotContain("s3\"cret");
    }

    @Test
    void aWrongProtocolIsNamed() {
        assertThatThrownBy(() -> new AbstractConfig(definition, Map.of(KafkaConnection.SECURITY_PROTOCOL, "TLS")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("kafka.security.protocol");
    }
}
