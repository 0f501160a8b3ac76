package dev.caravan.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caravan.ingest.config.IngestConfig;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The ingest API's {@code GET /openapi.yaml}, as a real API server serves it, read by
 * swagger-parser (the parser behind swagger-codegen and many gateways): no messages, an
 * operationId on every operation, every served path and content type declared, and the live
 * answers of the server (statuses and content types) among those the file declares. Kafka is
 * an unreachable address: the answers tried here do not need it (503 is one of them).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiSpecTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private IngestServer server;
    private OpenAPI spec;

    @BeforeAll
    void start() throws Exception {
        server = IngestServer.start(new IngestConfig(Map.of(
                IngestConfig.KAFKA_BOOTSTRAP, "127.0.0.1:1",
                IngestConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:1",
                IngestConfig.API_HOST, "127.0.0.1",
                IngestConfig.API_PUBLISH_TIMEOUT_MS, "500")), 0);
        HttpResponse<String> served = get("/openapi.yaml");
        assertThat(served.statusCode()).isEqualTo(200);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true); // $ref responses inlined, so the answers can be checked against them
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(served.body(), null, options);
        assertThat(result.getMessages()).as("swagger-parser's messages").isEmpty();
        spec = result.getOpenAPI();
        assertThat(spec).isNotNull();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A plain comma in a flow mapping ({@code {description: ids, in request order}}) silently makes a
     * stray key with no value; parsers keep the cut description and say nothing. No key of this file
     * is meant to be empty, so any null value is such a mistake.
     */
    @Test
    void noKeyIsLeftWithoutAValue() throws Exception {
        com.fasterxml.jackson.databind.JsonNode tree = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
                .readTree(get("/openapi.yaml").body());
        List<String> empty = new ArrayList<>();
        collectNulls(tree, "", empty);
        assertThat(empty).as("keys without a value (an unquoted comma or colon in a flow mapping?)").isEmpty();
        Object ids = spec.getPaths().get("/v1/articles").getPost().getResponses().get("202").getContent()
                .get("application/json").getSchema().getProperties().get("ids");
        assertThat(((io.swagger.v3.oas.models.media.Schema<?>) ids).getDescription())
                .isEqualTo("Stable article ids, in request order");
    }

    private static void collectNulls(com.fasterxml.jackson.databind.JsonNode node, String at, List<String> out) {
        if (node.isNull()) {
            out.add(at);
        }
        node.fields().forEachRemaining(e -> collectNulls(e.getValue(), at + "/" + e.getKey(), out));
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            collectNulls(node.get(i), at + "/" + i, out);
        }
    }

    @Test
    void everyOperationHasAUniqueOperationId() {
        List<String> ids = new ArrayList<>();
        spec.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            assertThat(operation.getOperationId()).as(method + " " + path).isNotBlank();
            ids.add(operation.getOperationId());
        }));
        assertThat(ids).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(IngestServer.ENDPOINTS.size());
    }

    @Test
    void everyServedPathAndBodyTypeIsDeclared() {
        assertThat(spec.getPaths().keySet()).containsExactlyInAnyOrderElementsOf(IngestServer.ENDPOINTS);
        for (String path : List.of("/v1/articles", "/v1/fx-ticks")) {
            Operation post = spec.getPaths().get(path).getPost();
            assertThat(post).as("POST " + path).isNotNull();
            assertThat(post.getRequestBody().getContent().keySet()).as(path)
                    .containsExactlyInAnyOrderElementsOf(IngestServer.ACCEPTED_TYPES);
        }
    }

    @Test
    void liveAnswersOfEveryGetAreDeclared() throws Exception {
        for (String path : IngestServer.ENDPOINTS) {
            Operation get = spec.getPaths().get(path).getGet();
            if (get == null) {
                continue;
            }
            assertDeclared(get, "GET " + path, get(path));
        }
    }

    @Test
    void liveAnswersOfThePostsAreDeclared() throws Exception {
        for (String path : List.of("/v1/articles", "/v1/fx-ticks")) {
            Operation post = spec.getPaths().get(path).getPost();
            for (String type : IngestServer.ACCEPTED_TYPES) {
                HttpResponse<String> invalid = post(path, type, "{\"nothing\": \"useful\"}");
                assertThat(invalid.statusCode()).as(type + " is read, and the body is invalid").isEqualTo(400);
                assertDeclared(post, "POST " + path + " as " + type, invalid);
            }
            assertDeclared(post, "POST " + path + " as text/plain", post(path, "text/plain", "hello"));
        }
        // Valid, but Kafka is not there: 503 with Retry-After, as declared.
        HttpResponse<String> unavailable = post("/v1/articles", "application/json",
                "{\"source\": \"spec\", \"title\": \"T\", \"body\": \"B\", \"publishedDate\": \"2024-12-02\"}");
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertDeclared(spec.getPaths().get("/v1/articles").getPost(), "POST /v1/articles to no Kafka", unavailable);
        assertThat(spec.getPaths().get("/v1/articles").getPost().getResponses().get("503").getHeaders()).containsKey("Retry-After");
    }

    /** The answer's status is one the operation declares, with the answer's content type. */
    private static void assertDeclared(Operation operation, String what, HttpResponse<String> answer) {
        String status = Integer.toString(answer.statusCode());
        ApiResponse declared = operation.getResponses().get(status);
        assertThat(declared).as(what + " answered " + status + ", which is not declared").isNotNull();
        String type = answer.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
        assertThat(declared.getContent()).as(what + " " + status + ": " + declared).isNotNull();
        assertThat(declared.getContent().keySet()).as(what + " " + status + " content type").contains(type);
    }

    @Test
    void pathItemsHaveNoUndeclaredMethodsBeyondWhatIsServed() {
        for (Map.Entry<String, PathItem> entry : spec.getPaths().entrySet()) {
            assertThat(entry.getValue().readOperationsMap().keySet()).as(entry.getKey())
                    .allMatch(m -> m == PathItem.HttpMethod.GET || m == PathItem.HttpMethod.POST);
        }
    }
}
