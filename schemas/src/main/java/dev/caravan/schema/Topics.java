package dev.caravan.schema;

/** The Kafka topics of the pipeline, named once. Names carry the contract version. */
public final class Topics {

    public static final String RAW_ARTICLES = "news.articles.raw.v1";
    public static final String FX_TICKS = "fx.ticks.v1";
    public static final String ENRICHED_ARTICLES = "news.articles.enriched.v1";
    public static final String GAZETTEER = "gazetteer.entities.v1";
    public static final String TRENDING_ENTITIES = "news.entities.trending.v1";
    public static final String ENRICH_DLQ = "news.articles.enrich-dlq.v1";
    public static final String INDEX_DLQ = "news.articles.index-dlq.v1";

    private Topics() {
    }

    /**
     * Kafka timestamp of an FX tick record: the start (UTC) of the day it applies to. The enrich
     * stage versions its rate store by the tick's day; giving the record the same time keeps the
     * topic's time order meaningful for any other reader (a versioned KTable, retention by time).
     */
    public static long fxTickTimestamp(java.time.LocalDate asOf) {
        return asOf.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** Key of an FX tick record, e.g. {@code KZT/USD}. */
    public static String pairKey(String base, String quote) {
        return base + "/" + quote;
    }
}
