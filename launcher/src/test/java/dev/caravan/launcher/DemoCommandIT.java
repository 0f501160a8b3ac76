package dev.caravan.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `caravan demo` as a user runs it: its own stack, a good page and a bad one, a JSON summary, its ops endpoints. */
class DemoCommandIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

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

    /** Each service's health and metrics, listed in the summary and the "where to look" block, answer while the demo runs. */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theDemoServesHealthAndMetricsOfEachService() throws Exception {
        CliRun cli = new CliRun();
        // Runs until stopped (here: its thread interrupted); the summary line appears once everything is searchable.
        ExecutorService thread = Executors.newSingleThreadExecutor();
        Future<Integer> demo = thread.submit(() -> cli.run("demo", "--json", "--partitions", "1",
                Path.of("..", "samples", "steppe-herald-2024-12-03.txt").toString()));
        try {
            await().atMost(Duration.ofMinutes(4)).until(() -> cli.out.toString().contains("\"opsUrls\"") || demo.isDone());
            assertThat(demo).as(cli.err.toString()).isNotDone();
            String[] lines = cli.out.toString().strip().split("\n");
            String jsonLine = java.util.Arrays.stream(lines).filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow();
            JsonNode ops = new ObjectMapper().readTree(jsonLine).get("opsUrls");
            Map<String, String> metricOf = Map.of(
                    "ingest", "caravan_ingest_records_total",
                    "enrich", "kafka_stream_",
                    "index", "caravan_index_documents_total");
            for (Map.Entry<String, String> service : metricOf.entrySet()) {
                String url = ops.get(service.getKey()).asText();
                assertThat(url).as(service.getKey()).startsWith("http://");
                assertThat(cli.out.toString()).as("listed in the where-to-look block").contains(url + "/health/ready");
                await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                        assertThat(get(url + "/health/ready").statusCode()).as(service.getKey() + " ready").isEqualTo(200));
                HttpResponse<String> metrics = get(url + "/metrics");
                assertThat(metrics.statusCode()).isEqualTo(200);
                assertThat(metrics.body()).as(service.getKey() + " metrics").contains(service.getValue());
            }
        } finally {
            thread.shutdownNow(); // interrupts the demo, which then stops its services and stack
            thread.awaitTermination(2, TimeUnit.MINUTES);
        }
        assertThat(demo.get()).as("stopped by an interrupt: " + cli.err).isZero();
    }
}
