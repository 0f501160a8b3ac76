package dev.caravan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/docker-compose.yml, validated offline by Compose itself: {@code docker-compose config -q}
 * (Debian's docker-compose, installed by .ci/run) checks the file against the Compose schema and
 * resolves anchors, variables and dependencies without a Docker engine. A machine without it
 * skips those two tests and says why.
 */
class ComposeFileTest {

    static final Path COMPOSE = Path.of(System.getProperty("basedir", ".")).resolve("docker-compose.yml");

    record Result(int exit, String output) {
    }

    static Result composeConfig(Path file) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker-compose", "-f", file.toString(), "config", "-q"));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("docker-compose not installed (apt-get install --no-install-recommends docker-compose)");
            throw e;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    @Test
    void composeAcceptsTheFile() throws Exception {
        Result r = composeConfig(COMPOSE);
        assertThat(r.exit()).as(r.output()).isZero();
    }

    @Test
    void composeRejectsABrokenCopy(@TempDir Path dir) throws Exception {
        String text = Files.readString(COMPOSE);
        Path unknownKey = dir.resolve("unknown-key.yml");
        Files.writeString(unknownKey, text.replace("  opensearch:\n", "  opensearch:\n    replica: 2\n"));
        Result r = composeConfig(unknownKey);
        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).contains("Unsupported config option for services.opensearch: 'replica'");

        Path badCondition = dir.resolve("bad-condition.yml");
        Files.writeString(badCondition, text.replace("condition: service_completed_successfully", "condition: service_done"));
        r = composeConfig(badCondition);
        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).contains("service_done");
    }

    @Test
    @SuppressWarnings("unchecked")
    void threeKraftBrokersReplicateThriceWithMinIsrTwo() {
        Map<String, Object> compose = ManifestValidator.load(COMPOSE).get(0);
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertThat(services).containsKeys("kafka-1", "kafka-2", "kafka-3", "schema-registry", "opensearch",
                "opensearch-dashboards", "topic-init", "ingest-service", "enrich-service", "index-service");
        for (String broker : List.of("kafka-1", "kafka-2", "kafka-3")) {
            Map<String, Object> env = (Map<String, Object>) ((Map<String, Object>) services.get(broker)).get("environment");
            assertThat(env.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
            assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).isEqualTo("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
            assertThat(env.get("KAFKA_DEFAULT_REPLICATION_FACTOR")).isEqualTo(3);
            assertThat(env.get("KAFKA_MIN_INSYNC_REPLICAS")).isEqualTo(2);
            assertThat(env.get("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")).isEqualTo(2);
        }
        Map<String, Object> topicInit = (Map<String, Object>) services.get("topic-init");
        assertThat((List<String>) topicInit.get("command")).containsExactly("topics", "create", "--partitions", "6", "--replication", "3");
    }
}
