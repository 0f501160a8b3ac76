package dev.caravan.index.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.caravan.index.bulk.OpenSearchClients;
import dev.caravan.index.config.IndexConfig;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search API and web page over the {@code articles} and {@code fx-ticks} aliases:
 * <ul>
 *   <li>{@code GET /v1/search?q=&type=&entity=&country=&currency=&from=&to=&page=}</li>
 *   <li>{@code GET /v1/articles/{id}}, {@code GET /v1/entities/{name}}</li>
 *   <li>{@code GET /v1/fx} (pairs), {@code GET /v1/fx/{pair}?from=&to=} (pair as KZT-USD)</li>
 *   <li>{@code GET /health}; the page at {@code /}</li>
 * </ul>
 * Bad parameters are answered 400 with problem JSON naming the parameter; an unreachable
 * OpenSearch is 503. Neither carries a stack trace.
 */
public final class SearchServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SearchServer.class);
    private static final String PROBLEM_JSON = "application/problem+json";
    /** The page's own script and style only: a title that smuggles markup in cannot run it. */
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private final Javalin app;
    private final OpenSearchClient client;
    private final boolean ownsClient;
    // exact decimals (the FX rates) as plain JSON numbers: 0.0000785123, never 7.85123E-5
    private final ObjectMapper mapper = OpenSearchClients.objectMapper()
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private SearchServer(OpenSearchClient client, boolean ownsClient, String host, int port, int pageSize) {
        this.client = client;
        this.ownsClient = ownsClient;
        ArticleSearch articles = new ArticleSearch(client, pageSize);
        FxHistory fx = new FxHistory(client);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.useVirtualThreads = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
            });
        });
        app.before(ctx -> {
            ctx.header("Content-Security-Policy", CSP);
            ctx.header("X-Content-Type-Options", "nosniff");
        });
        app.get("/v1/search", ctx -> ctx.json(articles.search(SearchQuery.parse(ctx.queryParamMap(), pageSize))));
        app.get("/v1/articles/{id}", ctx -> ctx.json(articles.article(ctx.pathParam("id"))));
        app.get("/v1/entities/{name}", ctx -> ctx.json(articles.entity(ctx.pathParam("name"))));
        app.get("/v1/fx", ctx -> ctx.json(fx.pairs()));
        app.get("/v1/fx/{pair}", ctx -> ctx.json(fx.history(ctx.pathParam("pair"), ctx.queryParamMap())));
        app.get("/health", this::health);
        app.exception(ApiProblem.class, (e, ctx) -> problem(ctx, e));
        app.exception(IOException.class, (e, ctx) -> {
            LOG.warn("OpenSearch unreachable for {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            problem(ctx, ApiProblem.unavailable("the search index is unreachable; try again shortly"));
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed: {}", ctx.method(), ctx.path(), e.getMessage(), e);
            ctx.status(500).contentType(PROBLEM_JSON).result(json(Map.of("type", "about:blank",
                    "title", "Internal Server Error", "status", 500, "detail", "the request failed; see the service log")));
        });
        app.start(host, port);
        LOG.info("Search API and page at {}", url());
    }

    /** Starts on {@code search.host}:{@code search.port} with its own OpenSearch client. */
    public static SearchServer start(IndexConfig config) {
        return new SearchServer(OpenSearchClients.create(config), true, config.getString(IndexConfig.SEARCH_HOST),
                config.getInt(IndexConfig.SEARCH_PORT), config.getInt(IndexConfig.SEARCH_PAGE_SIZE));
    }

    /** Starts on {@code host}:{@code port} (0 = a free port) with a client the caller keeps and closes. */
    public static SearchServer start(OpenSearchClient client, String host, int port, int pageSize) {
        return new SearchServer(client, false, host, port, pageSize);
    }

    public int port() {
        return app.port();
    }

    /** Base URL without a trailing slash, e.g. {@code http://localhost:8080}. */
    public String url() {
        return "http://localhost:" + port();
    }

    private void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean up;
        try {
            up = client.ping().value();
        } catch (IOException | RuntimeException e) {
            up = false;
        }
        body.put("status", up ? "UP" : "DOWN");
        body.put("opensearch", up ? "UP" : "DOWN");
        ctx.status(up ? 200 : 503).json(body);
    }

    private void problem(Context ctx, ApiProblem problem) {
        ctx.status(problem.status()).contentType(PROBLEM_JSON).result(json(problem.body()));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
        if (ownsClient) {
            try {
                client._transport().close();
            } catch (IOException e) {
                LOG.warn("Closing the OpenSearch client failed: {}", e.getMessage());
            }
        }
    }
}
