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

    /** The API on the shared stack, for one test: its source name and the keys it sets. */
    private static IngestConfig config(LocalStack stack, String source, String... keysAndValues) {
        Map<String, String> values = new java.util.HashMap<>(Map.of(
                IngestConfig.KAFKA_BOOTSTRAP, stack.kafkaBootstrap(),
                IngestConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl(),
                IngestConfig.SOURCE, source));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new IngestConfig(values);
    }

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
        IngestConfig config = config(stack, "fuzz", IngestConfig.API_MAX_REQUEST_BYTES, Integer.toString(2 * 1024 * 1024));
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

    private HttpResponse<String> post(IngestServer server, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(java.time.Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String article(String title, String body, String date) {
        return "{\"title\":\"" + title + "\",\"body\":\"" + body + "\",\"publishedDate\":\"" + date + "\"}";
    }

    /** The rows of the hostile-input probe whose answer was wrong: each now gets its specific 4xx, nothing else is affected. */
    @Test
    void oversizedArticlesBadRatesDatesAndSurrogatesGetTheirOwnAnswers(LocalStack stack) throws Exception {
        IngestConfig config = config(stack, "hostile-rows");
        try (IngestServer server = IngestServer.start(config, 0)) {
            HttpResponse<String> big = post(server, "/v1/articles", article("Big", "x".repeat(1_100_000), "2024-12-02"));
            assertThat(big.statusCode()).isEqualTo(413);
            assertThat(big.body()).contains("ingest.max.article.bytes").doesNotContain("max.request.size");
            // other clients are not affected: a valid article right after is accepted
            assertThat(post(server, "/v1/articles", article("Small", "Fine body.", "2024-12-02")).statusCode()).isEqualTo(202);

            for (String rate : new String[] {"\"1e-16000000\"", "\"1e-999999999\"", "1e-999999999", "\"12345678901234567890\""}) {
                HttpResponse<String> tick = post(server, "/v1/fx-ticks",
                        "{\"base\":\"KZT\",\"quote\":\"USD\",\"rate\":" + rate + ",\"asOf\":\"2024-12-02\"}");
                assertThat(tick.statusCode()).as("rate " + rate).isEqualTo(400);
                assertThat(tick.body()).as("rate " + rate).contains("rate");
            }
            for (String date : new String[] {"+999999999-12-31", "-0001-01-01", "0000-01-01", "9999-12-31", "1899-12-31"}) {
                HttpResponse<String> dated = post(server, "/v1/articles", article("Dated " + date, "Body.", date));
                assertThat(dated.statusCode()).as(date).isEqualTo(400);
                assertThat(dated.body()).as(date).contains("publishedDate").contains("1900-01-01");
            }
            HttpResponse<String> surrogate = post(server, "/v1/articles", article("Broken \\ud800 title", "Body.", "2024-12-02"));
            assertThat(surrogate.statusCode()).isEqualTo(400);
            assertThat(surrogate.body()).contains("title").contains("surrogate");
        }
    }

    @Test
    void methodsCharsetsAndByteOrderMarksGetTheirOwnAnswers(LocalStack stack) throws Exception {
        IngestConfig config = config(stack, "hostile-methods", IngestConfig.API_TOKEN, "secret");
        try (IngestServer server = IngestServer.start(config, 0)) {
            for (String method : new String[] {"GET", "PUT", "DELETE", "PATCH"}) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/articles"))
                        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(method).isEqualTo(405);
                assertThat(r.headers().firstValue("Allow")).as(method).contains("POST, OPTIONS");
            }
            HttpResponse<String> options = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/fx-ticks"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(options.statusCode()).isEqualTo(204);
            assertThat(options.headers().firstValue("Allow")).contains("POST, OPTIONS");

            HttpResponse<String> latin1 = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/articles"))
                    .header("Authorization", "Bearer secret").header("Content-Type", "application/json; charset=latin1")
                    .POST(HttpRequest.BodyPublishers.ofString(article("Latin", "Body.", "2024-12-02"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(latin1.statusCode()).isEqualTo(415);
            assertThat(latin1.body()).contains("UTF-8");

            byte[] json = article("With a BOM", "Body.", "2024-12-02").getBytes(StandardCharsets.UTF_8);
            byte[] withBom = new byte[json.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(json, 0, withBom, 3, json.length);
            HttpResponse<String> bom = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/articles"))
                    .header("Authorization", "Bearer secret").header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(withBom)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(bom.statusCode()).as(bom.body()).isEqualTo(202);
        }
    }

    /** Connections that declare much and send little, or send a byte now and then, cost no memory and are closed. */
    @Test
    void declaredButUnsentBodiesAndTricklingClientsAreBoundedAndClosed(LocalStack stack) throws Exception {
        IngestConfig config = config(stack, "hostile-slow", IngestConfig.API_IDLE_TIMEOUT_MS, "2000", IngestConfig.API_READ_TIMEOUT_MS, "3000");
        try (IngestServer server = IngestServer.start(config, 0)) {
            System.gc();
            long usedBeforeMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024);
            java.util.List<java.net.Socket> sockets = new java.util.ArrayList<>();
            String head = "POST /v1/articles HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 10485000\r\n\r\n{\"title\":";
            for (int i = 0; i < 80; i++) {
                java.net.Socket socket = new java.net.Socket("localhost", server.port());
                socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                sockets.add(socket);
            }
            java.net.Socket trickle = new java.net.Socket("localhost", server.port());
            trickle.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            sockets.add(trickle);
            // meanwhile a normal client is served
            assertThat(post(server, "/v1/articles", article("Served", "While others wait.", "2024-12-02")).statusCode())
                    .isEqualTo(202);
            Runtime rt = Runtime.getRuntime();
            System.gc();
            long usedMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
            // 81 x 10 MB declared: preallocating what was declared would hold 800 MB (the heap filled, OutOfMemoryError)
            assertThat(usedMb - usedBeforeMb).as("heap growth while 81 connections declare 10 MB each").isLessThan(200);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(500))
                    .until(() -> {
                        try {
                            trickle.getOutputStream().write('"'); // a byte now and then keeps it from being idle
                            trickle.getOutputStream().flush();
                        } catch (java.io.IOException closed) {
                            // closed by the server: what is expected
                        }
                        return sockets.stream().allMatch(IngestApiHostileInputIT::closedByServer);
                    });
            for (java.net.Socket socket : sockets) {
                socket.close();
            }
        }
    }

    private static boolean closedByServer(java.net.Socket socket) {
        try {
            socket.setSoTimeout(50);
            byte[] buffer = new byte[4096];
            while (true) {
                int n = socket.getInputStream().read(buffer);
                if (n < 0) {
                    return true;
                }
            }
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (java.io.IOException reset) {
            return true;
        }
    }
}
