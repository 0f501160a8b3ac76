package dev.caravan.index.config;

import dev.caravan.config.ConfigSources;
import dev.caravan.config.KafkaConnection;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.types.Password;

/** Settings of the index service; each key can also be set as CARAVAN_&lt;KEY&gt; in the environment. */
public final class IndexConfig extends AbstractConfig {

    public static final String KAFKA_BOOTSTRAP = KafkaConnection.BOOTSTRAP;
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String OPENSEARCH_URL = "opensearch.url";
    public static final String OPENSEARCH_USERNAME = "opensearch.username";
    public static final String OPENSEARCH_PASSWORD = "opensearch.password";
    public static final String OPENSEARCH_TRUSTSTORE_LOCATION = "opensearch.ssl.truststore.location";
    public static final String OPENSEARCH_TRUSTSTORE_PASSWORD = "opensearch.ssl.truststore.password";
    public static final String INDEX_REPLICAS = "index.replicas";
    public static final String RETENTION_MONTHS = "index.retention.months";
    public static final String GROUP_ID = "index.group.id";
    public static final String OPS_PORT = "index.ops.port";
    public static final String BULK_MAX_DOCS = "index.bulk.max.docs";
    public static final String BULK_MAX_BYTES = "index.bulk.max.bytes";
    public static final String BULK_LINGER_MS = "index.bulk.linger.ms";
    public static final String RETRY_INITIAL_MS = "index.retry.initial.ms";
    public static final String RETRY_MAX_MS = "index.retry.max.ms";
    public static final String SEARCH_HOST = "search.host";
    public static final String SEARCH_PORT = "search.port";
    public static final String SEARCH_PAGE_SIZE = "search.page.size";

    public static final ConfigDef DEFINITION = KafkaConnection.define(new ConfigDef())
            .define(SCHEMA_REGISTRY_URL, Type.STRING, "http://localhost:8081", new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "Confluent-compatible schema registry URL.")
            .define(OPENSEARCH_URL, Type.STRING, "http://localhost:9200", new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "OpenSearch base URL, http or https.")
            .define(OPENSEARCH_USERNAME, Type.STRING, "", Importance.MEDIUM, "Basic-auth user; empty for none.")
            .define(OPENSEARCH_PASSWORD, Type.PASSWORD, "", Importance.MEDIUM, "Basic-auth password.")
            .define(OPENSEARCH_TRUSTSTORE_LOCATION, Type.STRING, "", Importance.MEDIUM,
                    "Trust store (PKCS12 or JKS) with the CA of an https OpenSearch, e.g. a cluster's own self-signed one; "
                            + "empty: the JVM's trust store.")
            .define(OPENSEARCH_TRUSTSTORE_PASSWORD, Type.PASSWORD, "", Importance.LOW, "Password of that trust store; empty for none.")
            .define(INDEX_REPLICAS, Type.INT, 1, ConfigDef.Range.between(0, 10), Importance.MEDIUM,
                    "number_of_replicas in the index templates: 0 on a single node.")
            .define(RETENTION_MONTHS, Type.INT, 0, ConfigDef.Range.between(0, 1200), Importance.MEDIUM,
                    "Months an articles-v1-YYYY.MM index is kept after its creation (31 days a month), then deleted by the "
                            + "ISM policy caravan-articles that start-up installs when OpenSearch has the Index State Management "
                            + "plugin; 0: kept forever (no policy).")
            .define(GROUP_ID, Type.STRING, "caravan-index", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Consumer group: instances sharing it split the partitions between them.")
            .define(OPS_PORT, Type.INT, 8084, ConfigDef.Range.between(0, 65535), Importance.MEDIUM,
                    "Port of /health/live, /health/ready and /metrics when run as `caravan index-service` (0: any free port).")
            .define(BULK_MAX_DOCS, Type.INT, 1000, ConfigDef.Range.between(1, 100_000), Importance.MEDIUM,
                    "Most documents in one bulk request.")
            .define(BULK_MAX_BYTES, Type.INT, 5 * 1024 * 1024, ConfigDef.Range.atLeast(1024), Importance.MEDIUM,
                    "Most bytes of documents in one bulk request.")
            .define(BULK_LINGER_MS, Type.INT, 500, ConfigDef.Range.between(0, 60_000), Importance.MEDIUM,
                    "Longest wait to fill a bulk request before sending what there is.")
            .define(RETRY_INITIAL_MS, Type.INT, 200, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "First backoff after a 429/5xx or an unreachable OpenSearch; doubles each time, with jitter.")
            .define(RETRY_MAX_MS, Type.INT, 30_000, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Longest backoff between retries.")
            .define(SEARCH_HOST, Type.STRING, "0.0.0.0", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Interface the search API and web page listen on.")
            .define(SEARCH_PORT, Type.INT, 8080, ConfigDef.Range.between(0, 65_535), Importance.MEDIUM,
                    "Port of the search API and web page; 0 picks a free one.")
            .define(SEARCH_PAGE_SIZE, Type.INT, 10, ConfigDef.Range.between(1, 100), Importance.LOW,
                    "Results per page of GET /v1/search.");

    public IndexConfig(Map<String, ?> values) {
        super(DEFINITION, values, false);
    }

    public static IndexConfig fromEnvironment(Map<String, String> overrides) {
        return new IndexConfig(ConfigSources.resolve(DEFINITION, System.getenv(), overrides).values());
    }

    public String opensearchUrl() {
        return getString(OPENSEARCH_URL);
    }

    public String opensearchUsername() {
        return getString(OPENSEARCH_USERNAME);
    }

    public Password opensearchPassword() {
        return getPassword(OPENSEARCH_PASSWORD);
    }

    /** Months an article index is kept; 0 = forever. */
    public int retentionMonths() {
        return getInt(RETENTION_MONTHS);
    }

    /** The trust store for https, or null for the JVM's own. */
    public Path opensearchTrustStore() {
        String location = getString(OPENSEARCH_TRUSTSTORE_LOCATION);
        return location.isBlank() ? null : Path.of(location);
    }

    /**
     * A Kafka client id of its own for one service instance: {@code <prefix>-<host>-<6 hex digits>}.
     * Instances share the group id (they split the partitions) but not the client id, so quotas,
     * broker logs, {@code kafka-consumer-groups --describe} and the client metrics tell them apart.
     * The host is {@code HOSTNAME} (a pod's name on Kubernetes) or the local host name, reduced to
     * the characters Kafka allows in a client id; the suffix tells apart instances on one host.
     */
    public static String instanceClientId(String prefix) {
        return prefix + "-" + hostLabel() + "-" + String.format("%06x", RANDOM.nextInt(1 << 24));
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private static String hostLabel() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException | RuntimeException e) {
                host = "";
            }
        }
        String label = host.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[-.]+|[-.]+$", "");
        if (label.length() > 63) {
            label = label.substring(0, 63);
        }
        return label.isEmpty() ? "unknown-host" : label;
    }

    /** bootstrap.servers plus the TLS/SASL settings, for any Kafka client of this service. */
    public java.util.Map<String, Object> kafkaClientProperties() {
        return KafkaConnection.clientProperties(this);
    }
}
