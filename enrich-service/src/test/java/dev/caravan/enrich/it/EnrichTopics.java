package dev.caravan.enrich.it;

import dev.caravan.schema.Topics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/** The enrich stage's topics on the shared test broker, created once by whichever IT runs first. */
final class EnrichTopics {

    /** Data topics get several partitions so the ITs see per-partition behaviour; the gazetteer and DLQ keep one. */
    private static final int DATA_PARTITIONS = 6;

    private static final List<String> ALL = List.of(Topics.RAW_ARTICLES, Topics.FX_TICKS, Topics.ENRICHED_ARTICLES,
            Topics.TRENDING_ENTITIES, Topics.GAZETTEER, Topics.ENRICH_DLQ);

    private EnrichTopics() {
    }

    static void createMissing(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> wanted = ALL.stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, singlePartition(topic) ? 1 : DATA_PARTITIONS, (short) 1))
                    .collect(Collectors.toList());
            admin.createTopics(wanted).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static boolean singlePartition(String topic) {
        return topic.equals(Topics.GAZETTEER) || topic.equals(Topics.ENRICH_DLQ);
    }
}
