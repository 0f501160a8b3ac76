package dev.caravan.registry;

import dev.caravan.registry.config.SchemaRegistryConfig;
import dev.caravan.registry.server.SchemaRegistryServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs one schema registry instance until SIGTERM. Prints {@code CARAVAN-READY <url>} on stdout
 * once serving (the local stack waits for it). With {@code -Dcaravan.watchdog=stdin} it exits when
 * its stdin closes, so it does not outlive a parent JVM that died.
 */
@Command(name = "schema-registry", mixinStandardHelpOptions = true,
    description = "Confluent-compatible Avro schema registry keeping its state in a Kafka topic.")
public final class SchemaRegistryMain implements Callable<Integer> {
  // Named so it cannot shadow the log4j2.properties of the services that have this jar on their classpath;
  // set before the first logger exists.
  static {
    if (System.getProperty("log4j2.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile",
          String.valueOf(SchemaRegistryMain.class.getResource("/META-INF/caravan/schema-registry-log4j2.properties")));
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryMain.class);

  @Option(names = "--kafka-bootstrap", description = "Kafka bootstrap servers (env CARAVAN_KAFKA_BOOTSTRAP).")
  String kafkaBootstrap;

  @Option(names = "--port", description = "HTTP port, default 8081 (env CARAVAN_SCHEMA_REGISTRY_PORT).")
  Integer port;

  @Option(names = "--host", description = "Interface to bind, default 0.0.0.0 (env CARAVAN_SCHEMA_REGISTRY_HOST).")
  String host;

  @Option(names = "--config", description = "Optional properties file with the keys of SchemaRegistryConfig.")
  Path configFile;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SchemaRegistryMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Map<String, Object> overrides = new HashMap<>();
    overrides.put(SchemaRegistryConfig.KAFKA_BOOTSTRAP, kafkaBootstrap);
    overrides.put(SchemaRegistryConfig.PORT, port);
    overrides.put(SchemaRegistryConfig.HOST, host);
    SchemaRegistryConfig config;
    try {
      config = SchemaRegistryConfig.resolve(configFile, System.getenv(), overrides);
    } catch (ConfigException e) {
      System.err.println("Invalid configuration: " + e.getMessage());
      return 2;
    }
    if ("stdin".equals(System.getProperty("caravan.watchdog"))) {
      startStdinWatchdog();
    }
    SchemaRegistryServer server = new SchemaRegistryServer(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("Stopping schema registry");
      server.close();
      stopped.countDown();
    }, "shutdown"));
    server.start();
    LOG.info("Schema registry up on {}", server.url());
    System.out.println("CARAVAN-READY " + server.url());
    System.out.flush();
    stopped.await();
    return 0;
  }

  /** Exits when stdin reaches EOF: the parent that started this process has gone. */
  private static void startStdinWatchdog() {
    Thread t = new Thread(() -> {
      try (InputStream in = System.in) {
        while (in.read() != -1) {
          // keep reading until EOF
        }
      } catch (IOException e) {
        // a broken stdin means the parent is gone too
      }
      LOG.info("stdin closed: parent process gone, exiting");
      System.exit(0);
    }, "stdin-watchdog");
    t.setDaemon(true);
    t.start();
  }
}
