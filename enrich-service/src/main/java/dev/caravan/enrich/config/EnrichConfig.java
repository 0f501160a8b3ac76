package dev.caravan.enrich.config;

import dev.caravan.config.ConfigSources;
import dev.caravan.config.KafkaConnection;
import dev.caravan.enrich.tag.ArticleLimits;
import dev.caravan.enrich.topology.AwaitingRates;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Settings of the enrich service; each key can also be set as CARAVAN_&lt;KEY&gt; in the environment. */
public final class EnrichConfig extends AbstractConfig {

    public static final String KAFKA_BOOTSTRAP = KafkaConnection.BOOTSTRAP;
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String APPLICATION_ID = "enrich.application.id";
    public static final String STREAM_THREADS = "enrich.stream.threads";
    public static final String STATE_DIR = "enrich.state.dir";
    public static final String COMMIT_INTERVAL_MS = "enrich.commit.interval.ms";
    public static final String PRODUCER_BATCH_BYTES = "enrich.producer.batch.bytes";
    public static final String REPLICATION_FACTOR = "enrich.internal.replication.factor";
    public static final String FX_MAX_AGE_DAYS = "enrich.fx.max.age.days";
    public static final String OPS_PORT = "enrich.ops.port";
    public static final String MAX_BODY_CHARS = "enrich.max.body.chars";
    public static final String MAX_ENTITIES = "enrich.max.entities.per.article";
    public static final String MAX_MENTIONS = "enrich.max.mentions.per.entity";
    public static final String MAX_MONEY = "enrich.max.money.per.article";
    public static final String MAX_RECORD_BYTES = "enrich.max.record.bytes";
    public static final String AWAITING_MAX_ARTICLES = "enrich.awaiting.max.articles";
    public static final String AWAITING_MAX_AGE_HOURS = "enrich.awaiting.max.age.hours";

    public static final ConfigDef DEFINITION = KafkaConnection.define(new ConfigDef())
            .define(SCHEMA_REGISTRY_URL, Type.STRING, "http://localhost:8081", new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "Confluent-compatible schema registry URL.")
            .define(APPLICATION_ID, Type.STRING, "caravan-enrich", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Kafka Streams application.id: instances sharing it split the partitions between them.")
            .define(STREAM_THREADS, Type.INT, 1, ConfigDef.Range.between(1, 64), Importance.MEDIUM,
                    "Stream threads in this instance.")
            .define(STATE_DIR, Type.STRING, System.getProperty("java.io.tmpdir") + "/caravan-enrich-state",
                    Importance.LOW, "Directory for local state stores.")
            // 200 ms, not 100: each exactly-once commit blocks the stream thread on a producer flush and two
            // transaction round trips (JFR: the thread's longest waits); a read_committed reader sees an
            // article at most one interval later, well inside the 2 s end-to-end p99 goal.
            .define(COMMIT_INTERVAL_MS, Type.INT, 200, ConfigDef.Range.atLeast(10), Importance.LOW,
                    "How often a transaction is committed (exactly-once): the floor of end-to-end latency; "
                            + "each commit stalls the stream thread for a flush and two broker round trips.")
            .define(PRODUCER_BATCH_BYTES, Type.INT, 128 * 1024, ConfigDef.Range.between(1024, 16 * 1024 * 1024), Importance.LOW,
                    "Largest batch per partition of the Streams producer (batch.size). An enriched article is kilobytes: "
                            + "Kafka's 16 KiB default holds two or three, and the broker's cost is per batch.")
            .define(REPLICATION_FACTOR, Type.INT, -1, ConfigDef.Range.atLeast(-1), Importance.LOW,
                    "Replication of internal topics; -1 takes the broker default.")
            .define(FX_MAX_AGE_DAYS, Type.INT, 7, ConfigDef.Range.between(0, 3650), Importance.MEDIUM,
                    "Oldest FX tick (in days before the article's date) still used to convert its money; older: usd stays null.")
            .define(OPS_PORT, Type.INT, 8083, ConfigDef.Range.between(0, 65535), Importance.MEDIUM,
                    "Port of /health/live, /health/ready and /metrics when run as `caravan enrich-service` (0: any free port).")
            .define(MAX_BODY_CHARS, Type.INT, ArticleLimits.DEFAULTS.maxBodyChars(), ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Characters of an article's body that are tagged; the rest is kept in the record but not read for entities or money.")
            .define(MAX_ENTITIES, Type.INT, ArticleLimits.DEFAULTS.maxEntities(), ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Entities kept per article (the most-mentioned); a cut is named in the record's limitsApplied.")
            .define(MAX_MENTIONS, Type.INT, ArticleLimits.DEFAULTS.maxMentionsPerEntity(), ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Mentions kept per entity (the first ones); a cut is named in the record's limitsApplied.")
            .define(MAX_MONEY, Type.INT, ArticleLimits.DEFAULTS.maxMoney(), ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Money mentions kept per article (the first ones); a cut is named in the record's limitsApplied.")
            .define(MAX_RECORD_BYTES, Type.INT, 1_000_000, ConfigDef.Range.between(1024, 1_000_000), Importance.LOW,
                    "Largest enriched record written (serialised Avro); a larger one goes to news.articles.enrich-dlq.v1 with its reason "
                            + "instead of failing the producer's 1 MiB max.request.size and stopping the stream.")
            .define(AWAITING_MAX_ARTICLES, Type.INT, AwaitingRates.DEFAULTS.maxArticles(), ConfigDef.Range.between(0, 10_000_000),
                    Importance.LOW, "Articles per instance kept waiting for a late FX tick (their money lacked a rate); "
                            + "a tick that arrives later converts them and sends a newer revision. 0: none wait.")
            .define(AWAITING_MAX_AGE_HOURS, Type.INT, (int) AwaitingRates.DEFAULTS.maxAge().toHours(), ConfigDef.Range.between(1, 24 * 365),
                    Importance.LOW, "How long after ingestion an article still waits for a late FX tick.");

    public EnrichConfig(Map<String, ?> values) {
        super(DEFINITION, values, false);
    }

    public static EnrichConfig fromEnvironment(Map<String, String> overrides) {
        return new EnrichConfig(ConfigSources.resolve(DEFINITION, System.getenv(), overrides).values());
    }

    public AwaitingRates awaitingRates() {
        return new AwaitingRates(AwaitingRates.STORE, getInt(AWAITING_MAX_ARTICLES),
                java.time.Duration.ofHours(getInt(AWAITING_MAX_AGE_HOURS)), AwaitingRates.DEFAULTS.checkInterval());
    }

    public ArticleLimits articleLimits() {
        return new ArticleLimits(getInt(MAX_BODY_CHARS), getInt(MAX_ENTITIES), getInt(MAX_MENTIONS), getInt(MAX_MONEY));
    }

    public String kafkaBootstrap() {
        return getString(KAFKA_BOOTSTRAP);
    }

    public String schemaRegistryUrl() {
        return getString(SCHEMA_REGISTRY_URL);
    }

    /** bootstrap.servers plus the TLS/SASL settings, for any Kafka client of this service. */
    public java.util.Map<String, Object> kafkaClientProperties() {
        return KafkaConnection.clientProperties(this);
    }
}
