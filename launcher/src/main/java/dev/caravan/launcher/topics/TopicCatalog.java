package dev.caravan.launcher.topics;

import dev.caravan.schema.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The pipeline's topics with their partitions and configs; creating them is idempotent. */
public final class TopicCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(TopicCatalog.class);

    public record Spec(String name, boolean dataTopic, Map<String, String> configs) {
    }

    public static final List<Spec> TOPICS = List.of(
            new Spec(Topics.RAW_ARTICLES, true, Map.of()),
            // Ticks carry their day as record timestamp and the rate history is small: keep it all,
            // or time-based retention would delete old days at once.
            new Spec(Topics.FX_TICKS, true, Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")),
            new Spec(Topics.ENRICHED_ARTICLES, true, Map.of()),
            new Spec(Topics.TRENDING_ENTITIES, true, Map.of()),
            // The gazetteer is a table: only the latest entry per key matters.
            new Spec(Topics.GAZETTEER, false, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
            new Spec(Topics.ENRICH_DLQ, false, Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(TimeUnit.DAYS.toMillis(30)))),
            new Spec(Topics.INDEX_DLQ, false, Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(TimeUnit.DAYS.toMillis(30)))));

    private TopicCatalog() {
    }

    /**
     * Creates enrich's repartition topic (of {@code partitions}, like the raw articles it is fed from),
     * so that its consumer finds it at once instead of warning about an unknown topic until its first
     * rebalance has created it. Streams accepts an existing internal topic of the right partition count.
     */
    public static void ensureEnrichInternal(String bootstrap, String applicationId, int partitions, short replication) {
        String name = applicationId + "-" + dev.caravan.enrich.trend.TrendingEntities.GROUPING + "-repartition";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            java.util.Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            if (!existing.contains(name)) {
                // Streams wants as many partitions as the raw articles topic it repartitions from has
                int count = existing.contains(dev.caravan.schema.Topics.RAW_ARTICLES)
                        ? admin.describeTopics(List.of(dev.caravan.schema.Topics.RAW_ARTICLES)).allTopicNames()
                                .get(30, TimeUnit.SECONDS).get(dev.caravan.schema.Topics.RAW_ARTICLES).partitions().size()
                        : partitions;
                // As Streams itself would create it: records are purged after each commit, not by time.
                admin.createTopics(List.of(new NewTopic(name, count, replication).configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG, "-1",
                        TopicConfig.SEGMENT_BYTES_CONFIG, "52428800",
                        TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "CreateTime")))).all().get(30, TimeUnit.SECONDS);
                LOG.info("Created topic {} ({} partitions, replication {})", name, count, replication);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics on " + bootstrap + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /**
     * Creates the missing topics; data topics get {@code partitions} (the ceiling of a stage's
     * parallelism), the others one partition. Returns the names it created.
     */
    public static List<String> ensure(String bootstrap, int partitions, short replication) {
        return ensure(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), partitions, replication);
    }

    /** As {@link #ensure(String, int, short)}, with every admin client setting given (TLS, SASL). */
    public static List<String> ensure(Map<String, Object> clientProperties, int partitions, short replication) {
        Object bootstrap = clientProperties.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        try (Admin admin = Admin.create(clientProperties)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Spec spec : TOPICS) {
                if (!existing.contains(spec.name())) {
                    missing.add(new NewTopic(spec.name(), spec.dataTopic() ? partitions : 1, replication).configs(spec.configs()));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                missing.forEach(t -> LOG.info("Created topic {} ({} partitions, replication {})",
                        t.name(), t.numPartitions(), t.replicationFactor()));
            }
            return missing.stream().map(NewTopic::name).toList();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics on " + bootstrap + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
