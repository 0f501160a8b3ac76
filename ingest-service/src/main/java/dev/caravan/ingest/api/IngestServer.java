package dev.caravan.ingest.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.caravan.ingest.config.IngestConfig;
import dev.caravan.ingest.parse.JsonRecordsParser;
import dev.caravan.ingest.parse.JsonRecordsParser.Expect;
import dev.caravan.ingest.publish.ArticleSize;
import dev.caravan.ingest.publish.RecordPublisher;
import dev.caravan.schema.FxTick;
import dev.caravan.schema.RawArticle;
import dev.caravan.schema.Topics;
import dev.caravan.ops.Health;
import dev.caravan.ops.HealthCheck;
import dev.caravan.ops.Probes;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP ingest API for newsroom systems: {@code POST /v1/articles}, {@code POST /v1/fx-ticks},
 * {@code GET /health}, {@code GET /metrics}, {@code GET /openapi.yaml}. A request is answered 202
 * only after Kafka acknowledged every record of it; an invalid request publishes nothing.
 *
 * <pre>{@code
 * try (IngestServer server = IngestServer.start(config, 0)) {   // 0: a free port
 *     System.out.println(server.url());                          // http://localhost:41234
 * }
 * }</pre>
 */
public final class IngestServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPENAPI = "/dev/caravan/ingest/api/openapi.yaml";
    private static final String ALLOWED_METHODS = "POST, OPTIONS";
    static final Set<String> ACCEPTED_TYPES = Set.of("application/json", "application/x-ndjson", "application/ndjson");
    static final Set<String> ENDPOINTS = Set.of("/v1/articles", "/v1/fx-ticks", "/health", "/health/live",
            "/health/ready", "/metrics", "/openapi.yaml");

    private final IngestConfig config;
    private final RecordPublisher publisher;
    private final KafkaProbe kafka;
    private final BearerAuth auth;
    private final BodyReader bodies;
    private final IngestMetrics metrics = new IngestMetrics();
    private final Health health;
    private final ClientRateLimits rateLimits;
    private final JsonRecordsParser parser = new JsonRecordsParser();
    private final Clock clock = Clock.systemUTC();
    private final Javalin app;

    private IngestServer(IngestConfig config) {
        this.config = config;
        this.publisher = new RecordPublisher(config);
        this.kafka = new KafkaProbe(config.kafkaClientProperties());
        this.health = new Health()
                .ready("kafka", () -> kafka.probeNow() ? HealthCheck.Result.up("reachable")
                        : HealthCheck.Result.down("Kafka at " + config.kafkaBootstrap() + " unreachable"))
                .ready("schemaRegistry", Probes.schemaRegistry(config.schemaRegistryUrl()));
        this.auth = new BearerAuth(config.apiToken());
        this.rateLimits = new ClientRateLimits(config.apiRateLimit());
        this.bodies = new BodyReader(config.apiMaxRequestBytes(), config.getLong(IngestConfig.API_MAX_INFLIGHT_BYTES),
                config.getInt(IngestConfig.API_READ_TIMEOUT_MS), config.apiRetryAfterSeconds());
        this.app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.startupWatcherEnabled = false;
            c.http.maxRequestSize = config.apiMaxRequestBytes();
            // a blocked read gives up after the idle timeout; a body trickling in slower than 256 bytes/s is cut off
            c.jetty.modifyHttpConfiguration(http -> {
                http.setIdleTimeout(config.getInt(IngestConfig.API_IDLE_TIMEOUT_MS));
                http.setMinRequestDataRate(256);
            });
        });
        app.before("/v1/*", ctx -> {
            if (!ctx.path().equals("/v1/articles") && !ctx.path().equals("/v1/fx-ticks")) {
                auth.check(ctx.header("Authorization")); // unknown paths are not revealed without the token
                return; // then the 404 handler answers
            }
            if (ctx.method() == HandlerType.OPTIONS) {
                ctx.header("Allow", ALLOWED_METHODS);
                ctx.status(204);
                ctx.skipRemainingHandlers();
                return;
            }
            if (ctx.method() != HandlerType.POST) {
                throw new ProblemException(Problem.of(405, "method-not-allowed", "Method not allowed",
                        ctx.method() + " is not supported on " + ctx.path() + "; send POST"), Map.of("Allow", ALLOWED_METHODS));
            }
            if (ctx.method() != HandlerType.OPTIONS) {
                auth.check(ctx.header("Authorization"));
                if (!rateLimits.tryAcquire(ctx.ip())) {
                    throw new ProblemException(Problem.of(429, "rate-limited", "Too many requests",
                            "more than " + config.apiRateLimit() + " requests per second from " + ctx.ip()),
                            Map.of("Retry-After", "1"));
                }
                if (ctx.method() == HandlerType.POST) {
                    requireJsonContentType(ctx);
                }
            }
        });
        app.post("/v1/articles", ctx -> ingest(ctx, Expect.ARTICLES));
        app.post("/v1/fx-ticks", ctx -> ingest(ctx, Expect.TICKS));
        app.get("/health", this::health);
        app.get("/health/live", ctx -> report(ctx, health.liveness()));
        app.get("/health/ready", ctx -> report(ctx, health.readiness()));
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        app.get("/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(openApi()));
        app.exception(ProblemException.class, (e, ctx) -> answer(ctx, e.problem(), e.headers()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            answer(ctx, Problem.of(500, "internal", "Internal error", "an unexpected error; see the service log"), Map.of());
        });
        app.error(404, ctx -> answer(ctx, Problem.of(404, "not-found", "Not found",
                "no such endpoint: " + ctx.method() + " " + ctx.path()), Map.of()));
        // Only known paths become a tag: random 404 paths must not grow the metrics without bound.
        app.after(ctx -> metrics.request(ENDPOINTS.contains(ctx.path()) ? ctx.path() : "other", ctx.statusCode()));
    }

    /** Starts the API on {@code port} (0: a free port) with its own producer; stop it with {@link #close()}. */
    public static IngestServer start(IngestConfig config, int port) {
        IngestServer server = new IngestServer(config);
        server.app.start(config.getString(IngestConfig.API_HOST), port);
        for (org.eclipse.jetty.server.Connector connector : server.app.jettyServer().server().getConnectors()) {
            if (connector instanceof org.eclipse.jetty.server.AbstractConnector c) {
                c.setIdleTimeout(config.getInt(IngestConfig.API_IDLE_TIMEOUT_MS)); // a silent connection is closed
            }
        }
        LOG.info("Ingest API listening on {} (bearer token {}, max request {} bytes)", server.url(),
                server.auth.enabled() ? "required" : "not required", config.apiMaxRequestBytes());
        return server;
    }

    /** Starts the API on the configured {@code ingest.api.port}. */
    public static IngestServer start(IngestConfig config) {
        return start(config, config.apiPort());
    }

    public int port() {
        return app.port();
    }

    /** The base URL, such as {@code http://localhost:41234}; the API is under {@code /v1}. */
    public String url() {
        return "http://localhost:" + port();
    }

    /** JSON, a JSON array or NDJSON only: anything else is refused before its body is read. */
    private static void requireJsonContentType(Context ctx) {
        String header = ctx.contentType() == null ? "" : ctx.contentType();
        String type = header.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!ACCEPTED_TYPES.contains(type)) {
            throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "Content-Type must be one of " + ACCEPTED_TYPES + ", not '" + type + "'"), Map.of());
        }
        java.util.regex.Matcher charset = java.util.regex.Pattern.compile("(?i);\\s*charset=\"?([^;\"\\s]+)").matcher(header);
        if (charset.find() && !charset.group(1).equalsIgnoreCase("utf-8") && !charset.group(1).equalsIgnoreCase("utf8")) {
            throw new ProblemException(Problem.of(415, "unsupported-charset", "Unsupported charset",
                    "the body must be UTF-8 (charset=utf-8), not charset=" + charset.group(1)), Map.of());
        }
    }

    private void ingest(Context ctx, Expect expect) throws IOException {
        String body;
        try (InputStream in = ctx.req().getInputStream()) {
            body = bodies.read(ctx.req().getContentLengthLong(), in);
        }
        JsonRecordsParser.Result result = parser.parse(body, expect, config.source(), clock.instant());
        if (!result.errors().isEmpty()) {
            throw new ProblemException(new Problem("https://caravan.dev/problems/invalid-input", "Invalid input", 400,
                    result.errors().size() + " problem(s) in the request; nothing was published", result.errors()));
        }
        java.util.List<JsonRecordsParser.FieldError> tooLarge = new java.util.ArrayList<>();
        for (int i = 0; i < result.articles().size(); i++) {
            String why = ArticleSize.tooLarge(result.articles().get(i), config.maxArticleBytes());
            if (why != null) {
                tooLarge.add(new JsonRecordsParser.FieldError(i, 0, "body", why));
            }
        }
        if (!tooLarge.isEmpty()) {
            // refused before Kafka sees it: the producer's own size error once made the API answer 503 to everyone
            throw new ProblemException(new Problem("https://caravan.dev/problems/article-too-large", "Article too large", 413,
                    tooLarge.size() + " article(s) over ingest.max.article.bytes (" + config.maxArticleBytes()
                            + " bytes); nothing was published", tooLarge), Map.of());
        }
        if (!kafka.available()) {
            throw unavailable("Kafka is unavailable");
        }
        long start = System.nanoTime();
        try {
            publisher.publish(result.articles(), result.ticks(), Duration.ofMillis(config.apiPublishTimeoutMs()));
        } catch (RecordPublisher.PublishException e) {
            kafka.publishFailed();
            LOG.warn("Answering 503: {}", e.getMessage());
            throw unavailable(e.getMessage());
        }
        metrics.accepted(result.articles().size(), result.ticks().size(), Duration.ofNanos(System.nanoTime() - start));
        Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("accepted", result.size());
        if (expect == Expect.ARTICLES) {
            accepted.put("ids", result.articles().stream().map(RawArticle::getId).toList());
        } else {
            accepted.put("keys", result.ticks().stream().map(IngestServer::tickKey).toList());
        }
        ctx.status(202).contentType("application/json").result(JSON.writeValueAsBytes(accepted));
    }

    private static String tickKey(FxTick tick) {
        return Topics.pairKey(tick.getBase(), tick.getQuote()) + "@" + tick.getAsOf();
    }

    private ProblemException unavailable(String why) {
        return new ProblemException(Problem.of(503, "unavailable", "Service unavailable",
                why + "; nothing is known to be stored, send the request again later"),
                Map.of("Retry-After", Integer.toString(config.apiRetryAfterSeconds())));
    }

    private static void report(Context ctx, Health.Report report) throws JsonProcessingException {
        ctx.status(report.up() ? 200 : 503).contentType("application/json").result(JSON.writeValueAsBytes(report.body()));
    }

    private void health(Context ctx) throws JsonProcessingException {
        boolean up = kafka.probeNow();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("status", up ? "UP" : "DOWN");
        status.put("kafka", up ? "UP" : "DOWN");
        ctx.status(up ? 200 : 503).contentType("application/json").result(JSON.writeValueAsBytes(status));
        if (!up) {
            ctx.header("Retry-After", Integer.toString(config.apiRetryAfterSeconds()));
        }
    }

    private static void answer(Context ctx, Problem problem, Map<String, String> headers) {
        headers.forEach(ctx::header);
        try {
            ctx.status(problem.status()).contentType("application/problem+json").result(JSON.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem of plain values always serialises", e);
        }
    }

    private static String openApi() {
        try (InputStream in = IngestServer.class.getResourceAsStream(OPENAPI)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
        kafka.close();
        publisher.close();
    }
}
