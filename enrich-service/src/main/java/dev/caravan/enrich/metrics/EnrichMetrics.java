package dev.caravan.enrich.metrics;

import dev.caravan.schema.EnrichedArticle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.function.Supplier;

/**
 * What the enrich stage did, as Prometheus sees it: articles enriched, re-enriched after a late tick
 * or dead-lettered, entities and money facts per article, money left without a USD value, bounds
 * applied, and the time the recognisers and money extraction take per article.
 */
public final class EnrichMetrics {

    /** For topologies built without a registry (unit tests, the bench's in-process runs). */
    public static EnrichMetrics unregistered() {
        return new EnrichMetrics(new SimpleMeterRegistry());
    }

    private final Counter enriched;
    private final Counter reEnriched;
    private final Counter tooLarge;
    private final Counter noUsd;
    private final Counter limited;
    private final DistributionSummary entities;
    private final DistributionSummary moneyFacts;
    private final Timer tagging;

    public EnrichMetrics(MeterRegistry registry) {
        enriched = Counter.builder("caravan.enrich.articles").tag("outcome", "enriched")
                .description("Articles enriched and sent to the enriched topic").register(registry);
        reEnriched = Counter.builder("caravan.enrich.articles").tag("outcome", "re_enriched")
                .description("Articles enriched again because a late FX tick gave their money a rate").register(registry);
        tooLarge = Counter.builder("caravan.enrich.articles").tag("outcome", "dead_lettered")
                .description("Articles whose enriched record exceeded enrich.max.record.bytes, sent to the enrich DLQ")
                .register(registry);
        noUsd = Counter.builder("caravan.enrich.money.facts.without.usd")
                .description("Money facts left without a USD value (no tick within enrich.fx.max.age.days)").register(registry);
        limited = Counter.builder("caravan.enrich.articles.limited")
                .description("Articles cut by an enrich.max.* bound (named in limitsApplied)").register(registry);
        entities = DistributionSummary.builder("caravan.enrich.entities.per.article")
                .description("Entities tagged per enriched article").register(registry);
        moneyFacts = DistributionSummary.builder("caravan.enrich.money.facts.per.article")
                .description("Money facts per enriched article").register(registry);
        tagging = Timer.builder("caravan.enrich.tagging")
                .description("Time to tag one article and read its money (recognisers, resolver, money facts, FX)")
                .register(registry);
    }

    /** Runs the enricher, timing it. */
    public EnrichedArticle timed(Supplier<EnrichedArticle> enrich) {
        return tagging.record(enrich);
    }

    public void enriched(EnrichedArticle article, boolean again) {
        (again ? reEnriched : enriched).increment();
        entities.record(article.getEntities().size());
        moneyFacts.record(article.getMoneyFacts().size());
        long without = article.getMoneyFacts().stream().filter(f -> f.getUsd() == null).count();
        if (without > 0) {
            noUsd.increment(without);
        }
        if (!article.getLimitsApplied().isEmpty()) {
            limited.increment();
        }
    }

    public void deadLettered() {
        tooLarge.increment();
    }
}
