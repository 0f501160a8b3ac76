package dev.caravan.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.caravan.ingest.config.IngestConfig;
import dev.caravan.ingest.identity.ArticleIdentity;
import dev.caravan.localstack.LocalStack;
import dev.caravan.localstack.LocalStackConfig;
import dev.caravan.localstack.LocalStackExtension;
import dev.caravan.schema.Topics;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ingest API over real HTTP against the real broker and registry. */
@ExtendWith(LocalStackExtension.class)
@LocalStackConfig(openSearch = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestApiIT {

    static final String TOKEN = "newsroom-" + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private IngestServer server;
    private TopicContents topics;

    static IngestConfig config(LocalStack stack, int publishTimeoutMs) {
        return new IngestConfig(Map.of(
                IngestConfig.KAFKA_BOOTSTRAP, stack.kafkaBootstrap(),
                IngestConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl(),
                IngestConfig.API_TOKEN, TOKEN,
                IngestConfig.API_MAX_REQUEST_BYTES, "65536",
                IngestConfig.API_PUBLISH_TIMEOUT_MS, Integer.toString(publishTimeoutMs),
                IngestConfig.API_RETRY_AFTER_SECONDS, "7"));
    }

    @BeforeAll
    void start(LocalStack stack) {
        server = IngestServer.start(config(stack, 30_000), 0);
        topics = new TopicContents(stack.kafkaBootstrap(), stack.schemaRegistryUrl());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String article(String title) {
        return """
                {"source": "tashkent-daily", "url": "https://tashkent-daily.example/news/%s?utm_source=x",
                 "title": "%s", "body": "The Central Bank of Uzbekistan kept its key rate at 13.5 percent.",
                 "publishedDate": "2024-12-05T10:15:00+05:00"}""".formatted(title.replace(' ', '-'), title);
    }

    private List<String> keysOn(String topic) throws Exception {
        return topics.readAll(topic).stream().map(TopicContents.Decoded::key).toList();
    }

    @Test
    void oneArticleIsAcceptedWithItsStableIdAndDecodesByHandFromTheWireFormat() throws Exception {
        String title = "Uzbek Central Bank Holds Rate " + UUID.randomUUID();
        HttpResponse<String> response = post("/v1/articles", article(title), TOKEN);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode body = JSON.readTree(response.body());
        String id = ArticleIdentity.articleId("tashkent-daily",
                "https://tashkent-daily.example/news/" + title.replace(' ', '-'), title);
        assertThat(body.get("accepted").asInt()).isEqualTo(1);
        assertThat(body.get("ids").get(0).asText()).isEqualTo(id);

        TopicContents.Decoded record = topics.readAll(Topics.RAW_ARTICLES).stream()
                .filter(r -> r.key().equals(id)).findFirst().orElseThrow();
        assertThat(record.schemaId()).isPositive();
        assertThat(record.value().getSchema().getFullName()).isEqualTo("dev.caravan.schema.RawArticle");
        assertThat(record.value().get("title").toString()).isEqualTo(title);
        assertThat(record.value().get("url").toString()).doesNotContain("utm_source");
        assertThat(record.value().get("publishedDate")).isEqualTo((int) LocalDate.of(2024, 12, 5).toEpochDay());
        assertThat(record.value().get("truncated")).isEqualTo(false);
    }

    @Test
    void arrayAndNdjsonBatchesAreAccepted() throws Exception {
        String a = "Samarkand Airport Adds Flights " + UUID.randomUUID();
        String b = "Bishkek Budget Passes " + UUID.randomUUID();
        HttpResponse<String> array = post("/v1/articles", "[" + article(a) + "," + article(b) + "]", TOKEN);
        assertThat(array.statusCode()).as(array.body()).isEqualTo(202);
        assertThat(JSON.readTree(array.body()).get("ids")).hasSize(2);

        String ndjson = article("Dushanbe Power Plant " + UUID.randomUUID()).replace("\n", " ") + "\n"
                + article("Ashgabat Marathon " + UUID.randomUUID()).replace("\n", " ") + "\n";
        HttpResponse<String> lines = post("/v1/articles", ndjson, TOKEN);
        assertThat(lines.statusCode()).as(lines.body()).isEqualTo(202);
        List<String> ids = JSON.readerForListOf(String.class).readValue(JSON.readTree(lines.body()).get("ids"));
        assertThat(keysOn(Topics.RAW_ARTICLES)).containsAll(ids);
    }

    @Test
    void fxTicksAreAcceptedAndKeyedByPair() throws Exception {
        HttpResponse<String> response = post("/v1/fx-ticks", """
                [{"base": "GEL", "quote": "USD", "rate": "0.35461", "changePct": 0.12, "asOf": "2024-12-05", "source": "nbg"},
                 {"base": "AZN", "quote": "USD", "rate": 0.58824, "asOf": "2024-12-05", "source": "cbar"}]""", TOKEN);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).get("keys").toString()).contains("GEL/USD@2024-12-05", "AZN/USD@2024-12-05");
        TopicContents.Decoded gel = topics.readAll(Topics.FX_TICKS).stream()
                .filter(r -> r.key().equals("GEL/USD")).findFirst().orElseThrow();
        Schema rateSchema = gel.value().getSchema().getField("rate").schema();
        BigDecimal rate = new Conversions.DecimalConversion().fromBytes((ByteBuffer) gel.value().get("rate"), rateSchema,
                LogicalTypes.fromSchema(rateSchema));
        assertThat(rate).isEqualByComparingTo("0.35461");
    }

    @Test
    void invalidBatchNamesEachBadFieldWithItsIndexAndPublishesNothing() throws Exception {
        String goodTitle = "Almaty Metro Ridership Record " + UUID.randomUUID();
        String body = "[" + article(goodTitle) + ","
                + "{\"source\": \"tashkent-daily\", \"body\": \"no title\", \"publishedDate\": \"2024-12-05\"},"
                + "{\"source\": \"tashkent-daily\", \"title\": \"Bad date\", \"body\": \"x\", \"publishedDate\": \"05/12/2024\","
                + " \"url\": \"not a url\"}]";
        HttpResponse<String> response = post("/v1/articles", body, TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asText()).contains("nothing was published");
        assertThat(problem.get("errors")).extracting(e -> e.get("index").asInt() + ":" + e.get("field").asText())
                .containsExactlyInAnyOrder("1:title", "2:publishedDate", "2:url");

        HttpResponse<String> broken = post("/v1/articles", "{\"title\": \"unterminated", TOKEN);
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("not valid JSON");

        assertNothingPublishedFor(goodTitle);
    }

    @Test
    void missingOrWrongTokenIs401AndPublishesNothing() throws Exception {
        String title = "Tbilisi Rail Link Opens " + UUID.randomUUID();
        HttpResponse<String> none = post("/v1/articles", article(title), null);
        HttpResponse<String> wrong = post("/v1/articles", article(title), TOKEN + "x");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(none.body() + wrong.body()).doesNotContain(TOKEN);
        assertNothingPublishedFor(title);
    }

    @Test
    void bodyAboveTheLimitIs413WithOrWithoutContentLength() throws Exception {
        String title = "Oversized Batch " + UUID.randomUUID();
        String big = "[" + article(title) + ",".repeat(0) + "]";
        big = big.replace("kept its key rate", "kept its key rate" + " very".repeat(20_000));
        HttpResponse<String> sized = post("/v1/articles", big, TOKEN);
        assertThat(sized.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(sized.body()).get("detail").asText()).contains("65536");

        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/articles"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertNothingPublishedFor(title);
    }

    @Test
    void aBodyThatIsNotJsonIs415AndPublishesNothing() throws Exception {
        String title = "Form Post " + UUID.randomUUID();
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/articles"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(article(title))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(form.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JSON.readTree(form.body()).get("detail").asText()).contains("text/plain").contains("application/x-ndjson");
        assertNothingPublishedFor(title);
    }

    @Test
    void aClientAboveItsRequestRateGets429WithRetryAfter(LocalStack stack) throws Exception {
        Map<String, Object> limited = new java.util.HashMap<>(config(stack, 30_000).originals());
        limited.put(IngestConfig.API_RATE_LIMIT, "2");
        try (IngestServer strict = IngestServer.start(new IngestConfig(limited), 0)) {
            List<Integer> statuses = new java.util.ArrayList<>();
            HttpResponse<String> limitedAnswer = null;
            for (int i = 0; i < 6; i++) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(strict.url() + "/v1/articles"))
                        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("[]")).build(), HttpResponse.BodyHandlers.ofString());
                statuses.add(r.statusCode());
                if (r.statusCode() == 429) {
                    limitedAnswer = r;
                }
            }
            assertThat(statuses).contains(429);
            assertThat(limitedAnswer.headers().firstValue("Retry-After")).contains("1");
            assertThat(limitedAnswer.body()).doesNotContain("Exception");
        }
    }

    @Test
    void healthMetricsAndOpenApiAreServedWithoutAToken() throws Exception {
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).get("kafka").asText()).isEqualTo("UP");

        post("/v1/articles", article("Metrics Probe " + UUID.randomUUID()), TOKEN);
        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("caravan_ingest_records_total{type=\"article\"}",
                "caravan_ingest_requests_total", "jvm_memory_used_bytes");

        HttpResponse<String> openApi = get("/openapi.yaml");
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("openapi: 3.0.3", "/v1/articles", "/v1/fx-ticks", "'503'");

        assertThat(get("/v1/nothing-here").statusCode()).isEqualTo(401);
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
    }

    /**
     * A rejected request must leave no trace: after a marker was acknowledged, the whole topic is
     * read to its end and the rejected article's id is not in it.
     */
    private void assertNothingPublishedFor(String title) throws Exception {
        String marker = "Marker " + UUID.randomUUID();
        assertThat(post("/v1/articles", article(marker), TOKEN).statusCode()).isEqualTo(202);
        String rejected = ArticleIdentity.articleId("tashkent-daily",
                "https://tashkent-daily.example/news/" + title.replace(' ', '-'), title);
        String markerId = ArticleIdentity.articleId("tashkent-daily",
                "https://tashkent-daily.example/news/" + marker.replace(' ', '-'), marker);
        List<String> keys = keysOn(Topics.RAW_ARTICLES);
        assertThat(keys).contains(markerId).doesNotContain(rejected);
    }
}
