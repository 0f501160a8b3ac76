package dev.caravan.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
