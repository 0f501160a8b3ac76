package dev.caravan.ops;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/** Micrometer filters for the meters Micrometer's Kafka binders register. */
public final class KafkaMeterFilters {

    private KafkaMeterFilters() {
    }

    /**
     * Drops the deprecated copy of every per-topic Kafka client meter. The consumer reports each
     * per-topic and per-partition metric (records-lag, records-lead, bytes-fetched, ...) twice for a
     * topic whose name has a dot: tagged {@code topic="news.articles.enriched.v1"} and, deprecated,
     * {@code topic="news_articles_enriched_v1"}; Prometheus then shows every lag twice. A meter is
     * dropped when its {@code topic} tag is the underscored form of one of {@code topics} (a topic
     * whose real name has underscores is kept). Register it before binding the Kafka meters: a
     * filter applies only to meters registered after it.
     */
    public static MeterFilter dropDeprecatedTopicTags(Collection<String> topics) {
        Set<String> deprecated = topics.stream().filter(t -> t.contains("."))
                .map(t -> t.replace('.', '_')).collect(Collectors.toUnmodifiableSet());
        Set<String> real = Set.copyOf(topics);
        return new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                if (!id.getName().startsWith("kafka.")) {
                    return MeterFilterReply.NEUTRAL;
                }
                String topic = id.getTag("topic");
                return topic != null && deprecated.contains(topic) && !real.contains(topic)
                        ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
            }
        };
    }
}
