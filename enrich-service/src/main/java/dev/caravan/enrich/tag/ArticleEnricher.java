package dev.caravan.enrich.tag;

import dev.caravan.schema.EnrichedArticle;
import dev.caravan.schema.RawArticle;
import java.time.Clock;
import java.util.List;

/** Builds the enriched record: the raw fields, what the taggers found, and when. */
public final class ArticleEnricher {

    public static final String TAGGER_VERSION = "gazetteer-1";

    private final EntityTagger entityTagger;
    private final Clock clock;

    public ArticleEnricher(EntityTagger entityTagger, Clock clock) {
        this.entityTagger = entityTagger;
        this.clock = clock;
    }

    public EnrichedArticle enrich(RawArticle raw) {
        return EnrichedArticle.newBuilder()
                .setId(raw.getId())
                .setSource(raw.getSource())
                .setUrl(raw.getUrl())
                .setTitle(raw.getTitle())
                .setBody(raw.getBody())
                .setTruncated(raw.getTruncated())
                .setPublishedDate(raw.getPublishedDate())
                .setIngestedAt(raw.getIngestedAt())
                .setContentHash(raw.getContentHash())
                .setListingPosition(raw.getListingPosition())
                .setEntities(entityTagger.tag(raw.getTitle(), raw.getBody()))
                .setMoney(List.of())
                .setEnrichedAt(clock.instant())
                .setTaggerVersion(TAGGER_VERSION)
                .build();
    }
}
