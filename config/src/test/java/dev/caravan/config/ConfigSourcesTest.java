package dev.caravan.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourcesTest {

    private final ConfigDef definition = new ConfigDef()
            .define("kafka.bootstrap", ConfigDef.Type.STRING, "localhost:9092", ConfigDef.Importance.HIGH, "brokers")
            .define("batch.size", ConfigDef.Type.INT, 10, ConfigDef.Range.atLeast(1), ConfigDef.Importance.LOW, "size")
            .define("api.token", ConfigDef.Type.PASSWORD, null, ConfigDef.Importance.LOW, "secret");

    @Test
    void environmentWinsOverFileAndFileOverDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("caravan.properties");
        Files.writeString(file, "kafka.bootstrap=file:9092\nbatch.size=5\n");
        var resolved = ConfigSources.resolve(definition,
                Map.of(ConfigSources.FILE_VARIABLE, file.toString(), "CARAVAN_KAFKA_BOOTSTRAP", "env:9092"), Map.of());

        assertThat(resolved.values()).containsEntry("kafka.bootstrap", "env:9092").containsEntry("batch.size", "5");
        assertThat(resolved.originOf("kafka.bootstrap")).isEqualTo(ConfigSources.Origin.ENVIRONMENT);
        assertThat(resolved.originOf("batch.size")).isEqualTo(ConfigSources.Origin.FILE);
        assertThat(resolved.originOf("api.token")).isEqualTo(ConfigSources.Origin.DEFAULT);
    }

    @Test
    void unknownKeyInFileIsNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("caravan.properties");
        Files.writeString(file, "kafka.bootstrapp=x\n");
        assertThatThrownBy(() -> ConfigSources.resolve(definition, Map.of(ConfigSources.FILE_VARIABLE, file.toString()), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("kafka.bootstrapp").hasMessageContaining(file.toString());
    }

    @Test
    void explainMasksSecrets() {
        var resolved = ConfigSources.resolve(definition, Map.of("CARAVAN_API_TOKEN", "s3cret"), Map.of());
        assertThat(String.join("\n", ConfigExplainer.explain("test", definition, resolved)))
                .doesNotContain("s3cret").contains("CARAVAN_API_TOKEN").contains("[hidden]");
    }

    @Test
    void oneFileServesEveryServiceEachTakingItsOwnKeys(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("caravan.properties");
        Files.writeString(file, "kafka.bootstrap=shared:9092\nopensearch.url=http://os:9200\nenrich.ops.port=9083\n");
        var resolved = ConfigSources.resolve(definition, Map.of(ConfigSources.FILE_VARIABLE, file.toString()), Map.of());
        assertThat(resolved.values()).containsEntry("kafka.bootstrap", "shared:9092").doesNotContainKey("opensearch.url");
    }

    @Test
    void aSlipInAKeyOfThisServiceNamesTheClosestKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("caravan.properties");
        Files.writeString(file, "kafka.bootsrap=x\n");
        assertThatThrownBy(() -> ConfigSources.resolve(definition, Map.of(ConfigSources.FILE_VARIABLE, file.toString()), Map.of()))
                .hasMessageContaining("did you mean 'kafka.bootstrap'?");
    }

    @Test
    void aMisspeltVariableIsWarnedAboutWithTheClosestKey() {
        assertThat(ConfigSources.unknownVariables(definition, Map.of("CARAVAN_KAFKA_BOOTSRAP", "x",
                "CARAVAN_OPENSEARCH_URL", "http://os:9200", "CARAVAN_KAFKA_BOOTSTRAP", "y", "PATH", "/bin")))
                .containsExactly("Unknown variable CARAVAN_KAFKA_BOOTSRAP is ignored; did you mean CARAVAN_KAFKA_BOOTSTRAP "
                        + "(kafka.bootstrap)?");
    }
}
