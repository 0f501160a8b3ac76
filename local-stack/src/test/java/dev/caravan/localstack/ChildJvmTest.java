package dev.caravan.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmTest {

    @Test
    void childClasspathStartsWithTheModuleAndListsExistingJars() {
        String[] entries = ChildJvm.classpathOf("local-stack-kafka").split(java.io.File.pathSeparator);

        assertThat(entries.length).isGreaterThan(10);
        assertThat(Path.of(entries[0]).getFileName().toString()).startsWith("local-stack-kafka");
        assertThat(entries).allSatisfy(e -> assertThat(Files.exists(Path.of(e))).isTrue());
        assertThat(entries).anySatisfy(e -> assertThat(e).contains("kafka_2.13"));
    }

    @Test
    void missingModuleIsNamedInTheError() {
        assertThatThrownBy(() -> ChildJvm.classpathOf("no-such-module"))
            .hasMessageContaining("no-such-module must be on the classpath");
    }

    @Test
    void aChildThatDiesBeforeReadyIsReportedWithItsLog(@TempDir Path dir) {
        Path log = dir.resolve("kafka.log");

        // No arguments: the broker main prints its usage and exits with 2.
        assertThatThrownBy(() -> ChildJvm.start("Kafka", LocalStack.KAFKA_MODULE, LocalStack.KAFKA_MAIN, List.of(),
                "64m", log, Duration.ofSeconds(60)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("exited with code 2")
            .hasMessageContaining(log.toString())
            .hasMessageContaining("usage: KafkaBrokerMain");
    }

    @Test
    void aChildWithoutTheReadyProtocolIsReadyAtItsOwnLineAndGetsItsEnvironment(@TempDir Path dir) {
        Path log = dir.resolve("kafka.log");

        // The broker main prints its usage on a line with "usage:" and exits; an unknown variable reaches it unharmed.
        ChildJvm child = ChildJvm.start("Kafka", LocalStack.KAFKA_MODULE, LocalStack.KAFKA_MAIN, List.of(),
                java.util.Map.of("CARAVAN_CHILDJVM_TEST", "1"), "64m", log, Duration.ofSeconds(60), "usage: KafkaBrokerMain");

        assertThat(child.address()).contains("usage: KafkaBrokerMain");
        child.kill();
    }
}
