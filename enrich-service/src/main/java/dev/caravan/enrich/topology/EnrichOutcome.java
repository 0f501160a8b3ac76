package dev.caravan.enrich.topology;

import dev.caravan.schema.EnrichedArticle;
import dev.caravan.schema.RawArticle;

/** Either the enriched article, or the raw one that could not be written as enriched and why. */
record EnrichOutcome(EnrichedArticle enriched, RawArticle rejected, String reason) {

    static EnrichOutcome of(EnrichedArticle enriched) {
        return new EnrichOutcome(enriched, null, null);
    }

    static EnrichOutcome rejected(RawArticle raw, String reason) {
        return new EnrichOutcome(null, raw, reason);
    }

    boolean isRejected() {
        return rejected != null;
    }
}
