package dev.caravan.registry.serde;

import dev.caravan.registry.client.InMemorySchemaRegistryClient;
import dev.caravan.registry.client.RestSchemaRegistryClient;
import dev.caravan.registry.client.SchemaRegistryClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * The serde's settings, under the keys Confluent's serde uses so configurations carry over.
 *
 * <ul>
 *   <li>{@code schema.registry.url} (required): comma-separated registry URLs; {@code mock://scope}
 *       selects an in-memory registry shared by that scope, for unit tests.
 *   <li>{@code auto.register.schemas} (default true): register the record's schema when it is new;
 *       when false the schema must already be registered under the subject.
 *   <li>{@code specific.avro.reader} (default false): decode into generated SpecificRecord classes
 *       instead of GenericRecord.
 *   <li>{@code basic.auth.credentials.source} (default URL): USER_INFO takes
 *       {@code basic.auth.user.info} ("user:password"), URL takes the user info in the URL.
 *   <li>{@code avro.trusted.packages} (Caravan's, default {@code dev.caravan}): packages whose
 *       generated classes Avro 1.12's class security check may load.
 *   <li>{@code schema.registry.unavailable.wait.ms} (Caravan's, default 120000): how long a schema
 *       lookup waits, retrying with backoff, while the registry is unreachable or answers 5xx, before
 *       the record fails; so a service started while the registry is down waits for it instead of
 *       dead-lettering good records.
 * </ul>
 */
public final class AvroSerdeConfig {
  public static final String SCHEMA_REGISTRY_URL_CONFIG = "schema.registry.url";
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  public static final String SPECIFIC_AVRO_READER_CONFIG = "specific.avro.reader";
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  public static final String USER_INFO_CONFIG = "basic.auth.user.info";
  public static final String TRUSTED_PACKAGES_CONFIG = "avro.trusted.packages";
  public static final String DEFAULT_TRUSTED_PACKAGES = "dev.caravan";
  public static final String UNAVAILABLE_WAIT_MS_CONFIG = "schema.registry.unavailable.wait.ms";
  public static final long DEFAULT_UNAVAILABLE_WAIT_MS = 120_000;
  static final String MOCK_SCHEME = "mock://";

  private final String url;
  private final boolean autoRegister;
  private final boolean specificReader;
  private final String userInfo;
  private final List<String> trustedPackages;
  private final long unavailableWaitMs;

  public AvroSerdeConfig(Map<String, ?> configs) {
    Object rawUrl = configs.get(SCHEMA_REGISTRY_URL_CONFIG);
    if (rawUrl == null || rawUrl.toString().isBlank()) {
      throw new ConfigException("Missing required configuration \"" + SCHEMA_REGISTRY_URL_CONFIG
          + "\" for the Avro serde (e.g. http://localhost:8081)");
    }
    url = rawUrl instanceof List<?> list ? String.join(",", list.stream().map(Object::toString).toList())
        : rawUrl.toString().trim();
    autoRegister = bool(configs, AUTO_REGISTER_SCHEMAS, true);
    specificReader = bool(configs, SPECIFIC_AVRO_READER_CONFIG, false);
    userInfo = resolveUserInfo(configs);
    try {
      unavailableWaitMs = Long.parseLong(stringOr(configs, UNAVAILABLE_WAIT_MS_CONFIG,
          Long.toString(DEFAULT_UNAVAILABLE_WAIT_MS)).trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(UNAVAILABLE_WAIT_MS_CONFIG, configs.get(UNAVAILABLE_WAIT_MS_CONFIG), "expected milliseconds");
    }
    trustedPackages = new ArrayList<>();
    for (String p : stringOr(configs, TRUSTED_PACKAGES_CONFIG, DEFAULT_TRUSTED_PACKAGES).split(",")) {
      if (!p.isBlank()) {
        trustedPackages.add(p.trim());
      }
    }
  }

  public String url() {
    return url;
  }

  public boolean autoRegister() {
    return autoRegister;
  }

  public boolean specificReader() {
    return specificReader;
  }

  /** How long a registry call is retried while the registry is unreachable or answers 5xx. */
  public long unavailableWaitMs() {
    return unavailableWaitMs;
  }

  public List<String> trustedPackages() {
    return trustedPackages;
  }

  /** A client for the configured URL: REST, or the in-memory registry of a {@code mock://} scope. */
  public SchemaRegistryClient createClient() {
    if (url.startsWith(MOCK_SCHEME)) {
      return InMemorySchemaRegistryClient.forScope(url.substring(MOCK_SCHEME.length()));
    }
    return new RestSchemaRegistryClient(stripUserInfo(url), userInfo);
  }

  private String resolveUserInfo(Map<String, ?> configs) {
    String source = stringOr(configs, BASIC_AUTH_CREDENTIALS_SOURCE, "URL").trim();
    switch (source) {
      case "USER_INFO":
        Object info = configs.get(USER_INFO_CONFIG);
        if (info == null || info.toString().isBlank()) {
          throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO needs " + USER_INFO_CONFIG + " (user:password)");
        }
        return info.toString();
      case "URL":
        if (url.startsWith(MOCK_SCHEME)) {
          return null;
        }
        String first = url.split(",")[0].trim();
        try {
          return URI.create(first).getRawUserInfo();
        } catch (IllegalArgumentException e) {
          throw new ConfigException(SCHEMA_REGISTRY_URL_CONFIG, first, "not a valid URL: " + e.getMessage());
        }
      default:
        throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, source, "supported sources are USER_INFO and URL");
    }
  }

  private static String stripUserInfo(String urls) {
    List<String> out = new ArrayList<>();
    for (String u : urls.split(",")) {
      out.add(u.trim().replaceFirst("^(https?://)[^/@]*@", "$1"));
    }
    return String.join(",", out);
  }

  private static String stringOr(Map<String, ?> configs, String key, String dflt) {
    Object v = configs.get(key);
    return v == null ? dflt : v.toString();
  }

  private static boolean bool(Map<String, ?> configs, String key, boolean dflt) {
    Object v = configs.get(key);
    if (v == null) {
      return dflt;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    String s = v.toString().trim();
    if (!s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")) {
      throw new ConfigException(key, v, "expected true or false");
    }
    return Boolean.parseBoolean(s);
  }
}
