package dev.caravan.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.caravan.ingest.config.IngestConfig;
import dev.caravan.localstack.LocalStack;
import dev.caravan.localstack.LocalStackConfig;
import dev.caravan.localstack.LocalStackExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile bodies over real HTTP: each gets a clear 4xx problem (never a 5xx, a stack trace or a
 * hang), and the API keeps serving afterwards. The parsers' own property tests are in ParserRobustnessTest.
 */
@ExtendWith(LocalStackExtension.class)
@LocalStackConfig(openSearch = false)
class IngestApiHostileInputIT {

    private final HttpClient http = HttpClient.newHttpClient();

    private static Map<String, byte[]> hostileBodies() {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("deep nesting", ("[".repeat(50_000) + "]".repeat(50_000)).getBytes(StandardCharsets.UTF_8));
        bodies.put("invalid UTF-8", new byte[] {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        bodies.put("10 MB body", ("{\"title\":\"t\",\"body\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8));
        bodies.put("one huge line of numbers", "1,".repeat(1_000_000).getBytes(StandardCharsets.UTF_8));
        bodies.put("html with script", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        bodies.put("NUL bytes", new byte[4096]);
        byte[] random = new byte[64 * 1024];
        new Random(7).nextBytes(random);
        bodies.put("random bytes", random);
        bodies.put("huge number", "{\"title\":\"t\",\"body\":\"b\",\"publishedDate\":\"2024-12-02\",\"listingPosition\":1e999999999}"
                .getBytes(StandardCharsets.UTF_8));
        return bodies;
    }

    @Test
    void everyHostileBodyGetsAClear4xxAndTheApiKeepsServing(LocalStack stack) throws Exception {
        IngestConfig config = new IngestConfig(Map.of(
                IngestConfig.KAFKA_BOOTSTRAP, stack.kafkaBootstrap(),
                IngestConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl(),
                IngestConfig.SOURCE, "fuzz",
                IngestConfig.API_MAX_REQUEST_BYTES, Integer.toString(2 * 1024 * 1024)));
        try (IngestServer server = IngestServer.start(config, 0)) {
            for (Map.Entry<String, byte[]> body : hostileBodies().entrySet()) {
                for (String path : new String[] {"/v1/articles", "/v1/fx-ticks"}) {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.url() + path))
                                    .timeout(java.time.Duration.ofSeconds(60))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.getValue())).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).as(body.getKey() + " on " + path).isBetween(400, 499);
                    assertThat(response.body()).as(body.getKey()).doesNotContain("Exception").doesNotContain("\tat ");
                    assertThat(new ObjectMapper().readTree(response.body()).get("detail").asText()).as(body.getKey()).isNotBlank();
                }
            }
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/health/live")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        }
    }
}
