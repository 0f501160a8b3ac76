package dev.caravan.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caravan.launcher.demo.DemoEndpoints;
import dev.caravan.localstack.LocalStack;
import dev.caravan.localstack.LocalStackExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A second terminal beside `caravan demo`: the CLI finds the demo's Kafka and registry by itself. */
@ExtendWith(LocalStackExtension.class)
class DemoEndpointsIT {

    @AfterEach
    void forget() {
        System.clearProperty(DemoEndpoints.PROPERTY);
    }

    @Test
    void ingestUsesTheRunningDemoWhenNoAddressIsGivenAndSaysSo(LocalStack stack, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("demo.json");
        System.setProperty(DemoEndpoints.PROPERTY, file.toString());
        dev.caravan.launcher.topics.TopicCatalog.ensure(stack.kafkaBootstrap(), 1, (short) 1);
        DemoEndpoints.write(Map.of("kafkaBootstrap", stack.kafkaBootstrap(), "schemaRegistryUrl", stack.schemaRegistryUrl()));
        assertThat(DemoEndpoints.running()).isPresent();

        CliRun cli = new CliRun();
        int exit = cli.run("ingest", Path.of("..", "samples", "steppe-herald-2024-12-02.txt").toString());
        assertThat(exit).as(cli.err.toString()).isZero();
        assertThat(cli.err.toString()).contains("using the running demo").contains(stack.kafkaBootstrap());
        assertThat(cli.out.toString()).contains("articles");

        DemoEndpoints.remove();
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void aFileLeftByADemoThatIsGoneIsIgnored(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("demo.json");
        System.setProperty(DemoEndpoints.PROPERTY, file.toString());
        Files.writeString(file, "{\"kafkaBootstrap\":\"localhost:1\",\"schemaRegistryUrl\":\"http://localhost:2\",\"pid\":"
                + Long.MAX_VALUE + "}");
        assertThat(DemoEndpoints.running()).isEmpty();
    }
}
