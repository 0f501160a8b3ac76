package dev.caravan.enrich.topology;

import dev.caravan.enrich.fx.StoreFxRates;
import dev.caravan.enrich.metrics.EnrichMetrics;
import dev.caravan.enrich.gazetteer.LiveGazetteer;
import dev.caravan.schema.EnrichedArticle;
import dev.caravan.schema.FxTick;
import dev.caravan.schema.MoneyFact;
import dev.caravan.schema.MoneyKind;
import dev.caravan.schema.RawArticle;
import dev.caravan.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tags one article and converts its money with the rates of its own day from the global FX store.
 * An article whose money found no rate waits in {@link AwaitingRates#STORE}; when ticks have
 * arrived since, it is enriched again and sent once more as a newer revision.
 */
final class EnrichProcessor implements Processor<String, RawArticle, String, EnrichOutcome> {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichProcessor.class);

    private final LiveGazetteer gazetteer;
    private final String fxStore;
    private final String gazetteerStore;
    private final AtomicLong fxChanges;
    private final RecordSizeGuard sizeGuard;
    private final AwaitingRates awaiting;
    private final EnrichMetrics metrics;
    private ProcessorContext<String, EnrichOutcome> context;
    private StoreFxRates rates;
    private KeyValueStore<String, String> published;
    private KeyValueStore<String, RawArticle> waiting;
    private KeyValueStore<String, Integer> missingCounts;
    private long ticksSeen;

    /** @param fxChanges the FX recorder's change counter: rates are remembered until a tick arrives */
    EnrichProcessor(LiveGazetteer gazetteer, String fxStore, String gazetteerStore, AtomicLong fxChanges,
                    RecordSizeGuard sizeGuard, AwaitingRates awaiting, EnrichMetrics metrics) {
        this.gazetteer = gazetteer;
        this.fxStore = fxStore;
        this.gazetteerStore = gazetteerStore;
        this.fxChanges = fxChanges;
        this.sizeGuard = sizeGuard;
        this.awaiting = awaiting;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, EnrichOutcome> context) {
        this.context = context;
        VersionedKeyValueStore<String, FxTick> store = context.getStateStore(fxStore);
        this.rates = new StoreFxRates(store, fxChanges);
        this.published = context.getStateStore(gazetteerStore);
        this.waiting = context.getStateStore(awaiting.store());
        this.missingCounts = context.getStateStore(awaiting.countsStore());
        this.ticksSeen = fxChanges.get();
        context.schedule(awaiting.checkInterval(), PunctuationType.WALL_CLOCK_TIME, this::retryAwaiting);
    }

    @Override
    public void process(Record<String, RawArticle> record) {
        if (record.value() == null) {
            return; // a tombstone carries no article
        }
        EnrichedArticle enriched = metrics.timed(() -> gazetteer.enricher(published).enrich(record.value(), rates));
        String tooLarge = sizeGuard.tooLarge(enriched);
        if (tooLarge == null) {
            remember(record.key(), record.value(), enriched);
            metrics.enriched(enriched, false);
            context.forward(record.withValue(EnrichOutcome.of(enriched)));
            return;
        }
        LOG.warn("Dead-lettering article {}: {}", record.key(), tooLarge);
        metrics.deadLettered();
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(GlobalDeadLetters.REASON, tooLarge.getBytes(StandardCharsets.UTF_8));
        headers.add(GlobalDeadLetters.ORIGIN_TOPIC, Topics.RAW_ARTICLES.getBytes(StandardCharsets.UTF_8));
        context.recordMetadata().ifPresent(meta -> {
            headers.add(GlobalDeadLetters.ORIGIN_PARTITION, Integer.toString(meta.partition()).getBytes(StandardCharsets.UTF_8));
            headers.add(GlobalDeadLetters.ORIGIN_OFFSET, Long.toString(meta.offset()).getBytes(StandardCharsets.UTF_8));
        });
        context.forward(record.withValue(EnrichOutcome.rejected(record.value(), tooLarge)).withHeaders(headers));
    }

    /** Keeps an article whose money lacks a rate; forgets one whose newest revision has every rate. */
    private void remember(String id, RawArticle raw, EnrichedArticle enriched) {
        int missing = missingRates(enriched);
        if (missing == 0) {
            if (waiting.get(id) != null) {
                forget(id);
            }
        } else if (waiting.get(id) != null || waiting.approximateNumEntries() < awaiting.maxArticles()) {
            waiting.put(id, raw);
            missingCounts.put(id, missing);
        } else {
            LOG.warn("Article {} lacks a rate but {} articles already wait (enrich.awaiting.max.articles): a late tick "
                    + "will not convert it", id, awaiting.maxArticles());
        }
    }

    private void forget(String id) {
        waiting.delete(id);
        missingCounts.delete(id);
    }

    static int missingRates(EnrichedArticle enriched) {
        int missing = 0;
        for (MoneyFact fact : enriched.getMoneyFacts()) {
            if (fact.getUsd() == null && fact.getKind() != MoneyKind.PRICE) {
                missing++;
            }
        }
        return missing;
    }

    /** After ticks arrived: enriches the waiting articles again, sends those that gained a rate, drops the expired. */
    private void retryAwaiting(long now) {
        long ticks = fxChanges.get();
        if (ticks == ticksSeen) {
            return;
        }
        ticksSeen = ticks;
        Instant expiry = Instant.ofEpochMilli(now).minus(awaiting.maxAge());
        List<KeyValue<String, RawArticle>> entries = new ArrayList<>();
        try (KeyValueIterator<String, RawArticle> all = waiting.all()) {
            all.forEachRemaining(entries::add);
        }
        int converted = 0;
        for (KeyValue<String, RawArticle> entry : entries) {
            RawArticle raw = entry.value;
            if (raw.getIngestedAt().isBefore(expiry)) {
                forget(entry.key);
                continue;
            }
            EnrichedArticle again = metrics.timed(() -> gazetteer.enricher(published).enrich(raw, rates));
            int missing = missingRates(again);
            if (missing >= missingBefore(entry.key)) {
                continue; // no new rate for this one
            }
            if (sizeGuard.tooLarge(again) == null) {
                context.forward(new Record<>(entry.key, EnrichOutcome.of(again), now));
                metrics.enriched(again, true);
                converted++;
            }
            if (missing == 0) {
                forget(entry.key);
            } else {
                missingCounts.put(entry.key, missing);
            }
        }
        if (converted > 0) {
            LOG.info("Late FX ticks converted the money of {} waiting article(s); {} still wait", converted,
                    waiting.approximateNumEntries());
        }
    }

    /** How many facts lacked USD when the article was last sent (kept beside it in the store). */
    private int missingBefore(String id) {
        Integer known = missingCounts.get(id);
        return known == null ? Integer.MAX_VALUE : known;
    }
}
