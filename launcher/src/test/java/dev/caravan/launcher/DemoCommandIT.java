package dev.caravan.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `caravan demo` as a user runs it: its own stack, a good page and a bad one, a JSON summary. */
class DemoCommandIT {

    @Test
    void demoIndexesTheGoodPageAndNamesTheBadFileAndLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("broken-page.txt");
        Files.writeString(bad, "02 December 2024\n\nA headline without a body\n");
        CliRun cli = new CliRun();
        StringWriter out = cli.out;
        StringWriter err = cli.err;

        int exit = cli.run("demo", "--exit-when-indexed", "--json", "--partitions", "2",
                Path.of("..", "samples", "steppe-herald-2024-12-03.txt").toString(), bad.toString());

        String[] lines = out.toString().strip().split("\n");
        JsonNode summary = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertThat(summary.get("articles").asInt()).isEqualTo(3);
        assertThat(summary.get("indexed").asInt()).isEqualTo(3);
        assertThat(summary.get("fxTicks").asInt()).isEqualTo(3);
        assertThat(summary.get("kafkaBootstrap").asText()).contains(":");
        assertThat(summary.get("schemaRegistryUrl").asText()).startsWith("http://");
        assertThat(summary.get("opensearchUrl").asText()).startsWith("http://");
        assertThat(summary.get("ingestUrl").asText()).startsWith("http://");
        assertThat(summary.get("searchUrl").asText()).startsWith("http://");
        assertThat(err.toString()).contains("broken-page.txt:3").contains("no body");
        assertThat(exit).as("a skipped file makes the exit code non-zero").isEqualTo(1);
    }
}
