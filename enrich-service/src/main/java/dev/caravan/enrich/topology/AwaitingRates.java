package dev.caravan.enrich.topology;

import java.time.Duration;

/**
 * How articles wait for a rate that has not arrived: an article whose money lacks a USD figure for
 * want of a tick is kept (by id, in a changelogged store) and enriched again once a tick arrives, at
 * most {@code maxArticles} of them and for at most {@code maxAge} after ingestion.
 *
 * @param store         the state store's name
 * @param maxArticles   waiting articles kept; beyond it a new one is not kept (logged and counted)
 * @param maxAge        how long after ingestion an article still waits
 * @param checkInterval how often the store is checked after ticks arrived (wall-clock)
 */
public record AwaitingRates(String store, int maxArticles, Duration maxAge, Duration checkInterval) {

    /** Beside each waiting article: how many of its facts lacked USD when it was last sent. */
    public String countsStore() {
        return store + "-missing";
    }

    public static final String STORE = "awaiting-rates";
    public static final AwaitingRates DEFAULTS = new AwaitingRates(STORE, 10_000, Duration.ofDays(7), Duration.ofSeconds(1));
}
