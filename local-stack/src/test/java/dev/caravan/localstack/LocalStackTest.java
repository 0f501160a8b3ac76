package dev.caravan.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {

    @Test
    void registryWithoutItsModuleFailsBeforeStartingAnything(@TempDir Path dir) {
        LocalStack stack = LocalStack.builder().dataDir(dir).openSearch(false).build();

        assertThatThrownBy(stack::start)
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("schema-registry module must be on the classpath");
        assertThat(stack.isKafkaRunning()).isFalse();
    }

    @Test
    void addressesAreUnknownUntilAServerStarted(@TempDir Path dir) {
        try (LocalStack stack = LocalStack.builder().dataDir(dir).build()) {
            assertThatThrownBy(stack::kafkaBootstrap).hasMessageContaining("Kafka was not started");
            assertThatThrownBy(stack::opensearchUrl).hasMessageContaining("OpenSearch was not started");
        }
    }

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
}
