package dev.caravan.registry.server;

import dev.caravan.registry.config.SchemaRegistryConfig;
import io.javalin.Javalin;
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
    http = new RegistryHttpApi(service, log::healthy).create().start(config.host(), config.port());
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
