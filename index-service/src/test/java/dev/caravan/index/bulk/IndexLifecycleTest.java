package dev.caravan.index.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.caravan.index.config.IndexConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The ISM policy as the service installs it and as deploy/ ships it, and the key that sets its age. */
class IndexLifecycleTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void thePolicyIsValidJsonWithTheConfiguredAgeSubstituted() throws Exception {
        String text = IndexLifecycle.policy(6);
        assertThat(text).doesNotContain("${");
        JsonNode policy = json.readTree(text).path("policy");
        assertThat(policy.path("default_state").asText()).isEqualTo("hot");
        JsonNode hot = policy.path("states").get(0);
        assertThat(hot.path("name").asText()).isEqualTo("hot");
        assertThat(hot.path("transitions").get(0).path("state_name").asText()).isEqualTo("delete");
        assertThat(hot.path("transitions").get(0).path("conditions").path("min_index_age").asText()).isEqualTo("186d");
        JsonNode delete = policy.path("states").get(1);
        assertThat(delete.path("name").asText()).isEqualTo("delete");
        assertThat(delete.path("actions").get(0).has("delete")).isTrue();
        assertThat(policy.path("ism_template").get(0).path("index_patterns").get(0).asText()).isEqualTo("articles-v1-*");
        assertThat(policy.path("description").asText()).contains("186 days").contains("index.retention.months = 6");
        assertThat(json.readTree(IndexLifecycle.policy(1)).path("policy").path("states").get(0).path("transitions").get(0)
                .path("conditions").path("min_index_age").asText()).isEqualTo("31d");
        assertThatThrownBy(() -> IndexLifecycle.policy(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDeployedPolicyIsTheOneTheServiceInstallsForTwelveMonths() throws Exception {
        Path deployed = Path.of("..", "deploy", "opensearch", "ism-articles.json");
        assertThat(json.readTree(Files.readString(deployed))).isEqualTo(json.readTree(IndexLifecycle.policy(12)));
    }

    @Test
    void retentionMonthsDefaultsToForeverAndIsValidated() {
        assertThat(new IndexConfig(Map.of()).retentionMonths()).isZero();
        assertThat(new IndexConfig(Map.of(IndexConfig.RETENTION_MONTHS, "18")).retentionMonths()).isEqualTo(18);
        assertThatThrownBy(() -> new IndexConfig(Map.of(IndexConfig.RETENTION_MONTHS, "-1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(IndexConfig.RETENTION_MONTHS);
        assertThatThrownBy(() -> new IndexConfig(Map.of(IndexConfig.RETENTION_MONTHS, "twelve")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(IndexConfig.RETENTION_MONTHS);
    }
}
