package dev.caravan.ingest.config;

import dev.caravan.ingest.publish.ArticleSize;
import dev.caravan.config.ConfigSources;
import dev.caravan.config.KafkaConnection;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Settings of the ingest service; each key can also be set as CARAVAN_&lt;KEY&gt; in the environment. */
public final class IngestConfig extends AbstractConfig {

    public static final String KAFKA_BOOTSTRAP = KafkaConnection.BOOTSTRAP;
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String SOURCE = "ingest.source";
    public static final String API_RATE_LIMIT = "ingest.api.rate.limit";
    public static final String PRODUCER_LINGER_MS = "ingest.producer.linger.ms";
    public static final String PRODUCER_BATCH_BYTES = "ingest.producer.batch.bytes";
    public static final String PRODUCER_COMPRESSION = "ingest.producer.compression";
    /** The codecs Kafka's producer offers, as {@code compression.type} spells them. */
    public static final java.util.List<String> COMPRESSION_TYPES = java.util.List.of("none", "gzip", "snappy", "lz4", "zstd");
    public static final String SEND_TIMEOUT_MS = "ingest.send.timeout.ms";
    public static final String API_PORT = "ingest.api.port";
    public static final String API_TOKEN = "ingest.api.token";
    public static final String API_MAX_REQUEST_BYTES = "ingest.api.max.request.bytes";
    public static final String MAX_ARTICLE_BYTES = "ingest.max.article.bytes";
    public static final String API_PUBLISH_TIMEOUT_MS = "ingest.api.publish.timeout.ms";
    public static final String API_RETRY_AFTER_SECONDS = "ingest.api.retry.after.seconds";
    public static final String API_HOST = "ingest.api.host";
    public static final String API_READ_TIMEOUT_MS = "ingest.api.read.timeout.ms";
    public static final String API_IDLE_TIMEOUT_MS = "ingest.api.idle.timeout.ms";
    public static final String API_MAX_INFLIGHT_BYTES = "ingest.api.max.inflight.bytes";

    public static final ConfigDef DEFINITION = KafkaConnection.define(new ConfigDef())
            .define(SCHEMA_REGISTRY_URL, Type.STRING, "http://localhost:8081", new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "Confluent-compatible schema registry URL.")
            .define(SOURCE, Type.STRING, "", Importance.MEDIUM,
                    "Source name recorded on articles; empty means: derived from the file name (the part before the first '-').")
            .define(PRODUCER_LINGER_MS, Type.INT, 5, ConfigDef.Range.between(0, 10_000), Importance.LOW,
                    "How long the producer waits to fill a batch.")
            .define(PRODUCER_BATCH_BYTES, Type.INT, 128 * 1024, ConfigDef.Range.between(1024, 16 * 1024 * 1024), Importance.LOW,
                    "Largest producer batch per partition (batch.size). Articles are kilobytes each: Kafka's 16 KiB default "
                            + "holds a handful, and the broker's cost is per batch.")
            .define(PRODUCER_COMPRESSION, Type.STRING, "lz4", ConfigDef.CaseInsensitiveValidString.in(COMPRESSION_TYPES.toArray(String[]::new)),
                    Importance.MEDIUM, "Compression of the records the ingest producer writes (compression.type): none, gzip, snappy, "
                            + "lz4 or zstd. Every consumer of the raw topics must read it: Java, librdkafka and Confluent's clients "
                            + "read all of them; kafkajs reads gzip (and none) only, unless a codec package is registered for "
                            + "lz4, snappy or zstd.")
            .define(SEND_TIMEOUT_MS, Type.INT, 120_000, ConfigDef.Range.atLeast(1_000), Importance.LOW,
                    "Upper bound for Kafka to acknowledge a record (delivery.timeout.ms).")
            .define(API_PORT, Type.INT, 8082, ConfigDef.Range.between(0, 65_535), Importance.MEDIUM,
                    "Port of the HTTP ingest API (0: any free port).")
            .define(API_HOST, Type.STRING, "0.0.0.0", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Address the HTTP ingest API listens on (0.0.0.0: every interface; `caravan demo` uses 127.0.0.1 unless this is set).")
            .define(API_READ_TIMEOUT_MS, Type.INT, 30_000, ConfigDef.Range.atLeast(100), Importance.LOW,
                    "Longest a request body may take to arrive, however slowly it trickles in; then 408 and the connection closes.")
            .define(API_IDLE_TIMEOUT_MS, Type.INT, 10_000, ConfigDef.Range.atLeast(100), Importance.LOW,
                    "A connection that sends nothing for this long is closed.")
            .define(API_MAX_INFLIGHT_BYTES, Type.LONG, 64L * 1024 * 1024, ConfigDef.Range.atLeast(1024), Importance.LOW,
                    "Request body bytes all clients together may have in the API's memory at once; beyond it a request gets 503 "
                            + "with Retry-After (memory is bounded by what arrived, never by a declared Content-Length).")
            .define(API_TOKEN, Type.PASSWORD, "", Importance.HIGH,
                    "Bearer token the HTTP API requires on /v1/*; empty: no authentication.")
            .define(API_MAX_REQUEST_BYTES, Type.LONG, 10L * 1024 * 1024, ConfigDef.Range.between(1, Integer.MAX_VALUE - 8),
                    Importance.MEDIUM, "Largest request body the HTTP API accepts; larger ones get 413.")
            .define(MAX_ARTICLE_BYTES, Type.INT, ArticleSize.DEFAULT_MAX_BYTES, ConfigDef.Range.between(1024, ArticleSize.DEFAULT_MAX_BYTES),
                    Importance.MEDIUM, "Largest article (UTF-8 bytes of title, body, URL and source): a larger one gets 413 from the API "
                            + "and is skipped by name in a file. At most 900,000, so that the enriched record fits Kafka's 1 MiB.")
            .define(API_PUBLISH_TIMEOUT_MS, Type.INT, 10_000, ConfigDef.Range.atLeast(100), Importance.MEDIUM,
                    "How long a request waits for Kafka to acknowledge before the API answers 503.")
            .define(API_RETRY_AFTER_SECONDS, Type.INT, 5, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Retry-After the API sends with a 503 while Kafka is unavailable.")
            .define(API_RATE_LIMIT, Type.INT, 500, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                    "Requests per second one client (address) may send to the API; more get 429 with Retry-After. 0: no limit.");

    public IngestConfig(Map<String, ?> values) {
        super(DEFINITION, values, false);
    }

    public static IngestConfig fromEnvironment(Map<String, String> overrides) {
        return new IngestConfig(ConfigSources.resolve(DEFINITION, System.getenv(), overrides).values());
    }

    public String kafkaBootstrap() {
        return getString(KAFKA_BOOTSTRAP);
    }

    public String schemaRegistryUrl() {
        return getString(SCHEMA_REGISTRY_URL);
    }

    public String source() {
        return getString(SOURCE);
    }

    public int apiPort() {
        return getInt(API_PORT);
    }

    /** The bearer token, empty when the API is open. A Password so that a logged config never shows it. */
    public String apiToken() {
        return getPassword(API_TOKEN).value();
    }

    public int maxArticleBytes() {
        return getInt(MAX_ARTICLE_BYTES);
    }

    public long apiMaxRequestBytes() {
        return getLong(API_MAX_REQUEST_BYTES);
    }

    public int apiPublishTimeoutMs() {
        return getInt(API_PUBLISH_TIMEOUT_MS);
    }

    public int apiRetryAfterSeconds() {
        return getInt(API_RETRY_AFTER_SECONDS);
    }

    /** bootstrap.servers plus the TLS/SASL settings, for any Kafka client of this service. */
    public java.util.Map<String, Object> kafkaClientProperties() {
        return KafkaConnection.clientProperties(this);
    }

    public int apiRateLimit() {
        return getInt(API_RATE_LIMIT);
    }
}
