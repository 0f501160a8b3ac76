package dev.caravan.registry.config;

import dev.caravan.config.ConfigSources;
import dev.caravan.config.KafkaConnection;
import dev.caravan.registry.compat.CompatibilityLevel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of the schema registry. Each key can be set, from lowest to highest precedence, in an
 * optional properties file, as {@code CARAVAN_<KEY>} in the environment (dots as underscores,
 * e.g. {@code CARAVAN_KAFKA_BOOTSTRAP}, {@code CARAVAN_SCHEMA_REGISTRY_PORT}), or on the command line.
 * Invalid values fail start-up with a message naming the key.
 */
public final class SchemaRegistryConfig extends AbstractConfig {
  public static final String KAFKA_BOOTSTRAP = KafkaConnection.BOOTSTRAP;
  public static final String HOST = "schema.registry.host";
  public static final String PORT = "schema.registry.port";
  public static final String TOPIC = "schema.registry.topic";
  public static final String COMPATIBILITY = "schema.registry.compatibility";
  public static final String STORE_TIMEOUT_MS = "schema.registry.store.timeout.ms";

  /** Kafka's bootstrap, TLS and SASL keys as every Caravan service has them, then the registry's own. */
  public static final ConfigDef DEFINITION = KafkaConnection.define(new ConfigDef())
      .define(HOST, Type.STRING, "0.0.0.0", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
          "Interface the HTTP API binds to.")
      .define(PORT, Type.INT, 8081, ConfigDef.Range.between(0, 65535), Importance.MEDIUM,
          "HTTP port (0 picks a free one).")
      .define(TOPIC, Type.STRING, "_schemas", new ConfigDef.NonEmptyString(), Importance.LOW,
          "Compacted topic holding schemas and settings; created (1 partition) when missing. "
              + "Instances sharing it agree on ids.")
      .define(COMPATIBILITY, Type.STRING, "BACKWARD", levelValidator(), Importance.LOW,
          "Compatibility level until one is set with PUT /config: NONE, BACKWARD, FORWARD, FULL or a *_TRANSITIVE one.")
      .define(STORE_TIMEOUT_MS, Type.LONG, 30_000L, ConfigDef.Range.atLeast(1_000), Importance.LOW,
          "Upper bound for reaching Kafka, replaying the topic at start and reading back a write.");

  public SchemaRegistryConfig(Map<String, ?> values) {
    super(DEFINITION, values, false);
  }

  /**
   * Resolves the settings from a properties file (may be null), the environment and overrides,
   * highest precedence last.
   */
  public static SchemaRegistryConfig resolve(Path propertiesFile, Map<String, String> env, Map<String, ?> overrides) {
    Map<String, String> environment = new HashMap<>(env);
    if (propertiesFile != null) {
      environment.put(ConfigSources.FILE_VARIABLE, propertiesFile.toString());
    }
    Map<String, String> given = new HashMap<>();
    overrides.forEach((k, v) -> {
      if (v != null) {
        given.put(k, v.toString());
      }
    });
    return new SchemaRegistryConfig(ConfigSources.resolve(DEFINITION, environment, given).values());
  }

  public String kafkaBootstrap() {
    return getString(KAFKA_BOOTSTRAP);
  }

  /** {@code bootstrap.servers} and, when set, TLS and SASL: what the registry's producer, consumer and admin client get. */
  public Map<String, Object> kafkaClientProperties() {
    return KafkaConnection.clientProperties(this);
  }

  public String host() {
    return getString(HOST);
  }

  public int port() {
    return getInt(PORT);
  }

  public String topic() {
    return getString(TOPIC);
  }

  public CompatibilityLevel defaultCompatibility() {
    return CompatibilityLevel.parse(getString(COMPATIBILITY));
  }

  public Duration storeTimeout() {
    return Duration.ofMillis(getLong(STORE_TIMEOUT_MS));
  }

  private static ConfigDef.Validator levelValidator() {
    return (name, value) -> {
      if (CompatibilityLevel.parse((String) value) == null) {
        throw new ConfigException(name, value, "expected one of NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, "
            + "FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE");
      }
    };
  }
}
