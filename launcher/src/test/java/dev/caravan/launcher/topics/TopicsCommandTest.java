package dev.caravan.launcher.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

class TopicsCommandTest {

    @Test
    void theAdminClientReachesASecuredClusterWithTheServicesVariables() {
        Map<String, Object> props = TopicsCommand.clientProperties(null, Map.of(
                "CARAVAN_KAFKA_BOOTSTRAP", "kafka-1:9093",
                "CARAVAN_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "CARAVAN_KAFKA_SASL_USERNAME", "ops",
                "CARAVAN_KAFKA_SASL_PASSWORD", "pw"));

        assertThat(props).containsEntry("bootstrap.servers", "kafka-1:9093").containsEntry("security.protocol", "SASL_SSL");
        assertThat(((Password) props.get("sasl.jaas.config")).value()).contains("username=\"ops\"");
    }

    @Test
    void theBootstrapOptionWinsAndAServicesPropertiesFileIsNotRead() {
        // The file does not exist: reading it would fail.
        Map<String, Object> props = TopicsCommand.clientProperties("broker:9092", Map.of(
                "CARAVAN_KAFKA_BOOTSTRAP", "kafka-1:9093", "CARAVAN_CONFIG_FILE", "/nonexistent/ingest.properties"));

        assertThat(props).containsEntry("bootstrap.servers", "broker:9092").containsEntry("security.protocol", "PLAINTEXT");
    }

    @org.junit.jupiter.api.Test
    void noKafkaListeningIsOneLineNamingTheAddress() {
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cli = new picocli.CommandLine(new dev.caravan.launcher.CaravanCommand());
        cli.setErr(new java.io.PrintWriter(err));
        cli.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
        int exit = cli.execute("topics", "describe", "--kafka-bootstrap", "localhost:1");
        org.assertj.core.api.Assertions.assertThat(exit).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(err.toString()).contains("Kafka at localhost:1 did not answer")
                .contains("--kafka-bootstrap").doesNotContain("\tat ");
    }
}
