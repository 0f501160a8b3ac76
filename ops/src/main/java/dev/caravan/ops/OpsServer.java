package dev.caravan.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator endpoints of a service: {@code /health/live}, {@code /health/ready} (also at
 * {@code /health}) and Prometheus {@code /metrics}. Either on its own port, or added to a
 * service's existing HTTP server with {@link #install}.
 */
public final class OpsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Javalin app;

    private OpsServer(Javalin app) {
        this.app = app;
    }

    /** Starts the endpoints on {@code host:port} (port 0: any free port). */
    public static OpsServer start(String service, String host, int port, Health health, PrometheusMeterRegistry metrics) {
        Javalin app = Javalin.create(config -> config.showJavalinBanner = false);
        install(app, health, metrics);
        app.start(host, port);
        OpsServer server = new OpsServer(app);
        LOG.info("{} health and metrics on {}", service, server.url());
        return server;
    }

    /** Adds the endpoints to an existing server and binds JVM metrics to the registry. */
    public static void install(Javalin app, Health health, PrometheusMeterRegistry metrics) {
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        app.get("/health/live", ctx -> answer(ctx, health.liveness()));
        app.get("/health/ready", ctx -> answer(ctx, health.readiness()));
        app.get("/health", ctx -> answer(ctx, health.readiness()));
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    }

    private static void answer(io.javalin.http.Context ctx, Health.Report report) throws Exception {
        ctx.status(report.up() ? 200 : 503).contentType("application/json").result(JSON.writeValueAsString(report.body()));
    }

    public int port() {
        return app.port();
    }

    public String url() {
        return "http://localhost:" + app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
