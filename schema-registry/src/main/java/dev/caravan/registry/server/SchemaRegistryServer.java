package dev.caravan.registry.server;

import dev.caravan.registry.config.SchemaRegistryConfig;
import dev.caravan.ops.Health;
import dev.caravan.ops.HealthCheck;
import dev.caravan.ops.OpsServer;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One registry instance: the replayed {@code _schemas} log behind the HTTP API. */
public final class SchemaRegistryServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryServer.class);

  private final SchemaRegistryConfig config;
  private KafkaSchemaLog log;
  private Javalin http;

  public SchemaRegistryServer(SchemaRegistryConfig config) {
    this.config = config;
  }

  /** Replays the topic, then serves; returns once requests are answered. */
  public SchemaRegistryServer start() throws InterruptedException {
    RegistryState state = new RegistryState();
    log = new KafkaSchemaLog(config.kafkaClientProperties(), config.topic(), state, config.storeTimeout());
    log.start();
    SchemaRegistryService service = new SchemaRegistryService(state, log, config.defaultCompatibility());
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    RegistryMetrics metrics = new RegistryMetrics(meters, state, service, log::healthy);
    KafkaSchemaLog store = log;
    Health health = new Health()
        .live("schemas-reader", () -> store.readerAlive()
            ? HealthCheck.Result.up("reading " + config.topic()) : HealthCheck.Result.down("the reader of " + config.topic() + " stopped"))
        .ready("kafka-store", () -> store.healthy()
            ? HealthCheck.Result.up(config.topic() + " replayed") : HealthCheck.Result.down("cannot read " + config.topic()));
    http = new RegistryHttpApi(service, log::healthy, metrics, app -> OpsServer.install(app, health, meters))
        .create().start(config.host(), config.port());
    LOG.info("Schema registry serving on {} (Kafka {}, topic {})", url(), config.kafkaBootstrap(), config.topic());
    return this;
  }

  /** The port actually bound (the configured one, or the one picked for port 0). */
  public int port() {
    return http.port();
  }

  public String url() {
    return "http://" + config.host() + ":" + port();
  }

  @Override
  public void close() {
    if (http != null) {
      http.stop();
    }
    if (log != null) {
      log.close();
    }
  }
}
