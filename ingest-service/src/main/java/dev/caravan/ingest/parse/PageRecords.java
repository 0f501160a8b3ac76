package dev.caravan.ingest.parse;

import dev.caravan.ingest.identity.ArticleIdentity;
import dev.caravan.schema.FxTick;
import dev.caravan.schema.RawArticle;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Turns a parsed page into the records the pipeline carries. */
public final class PageRecords {

    private static final int RATE_SCALE = 10;

    private PageRecords() {
    }

    public static List<RawArticle> articles(ParsedPage page, String source, Instant ingestedAt) {
        return articles(page, source, ingestedAt, null);
    }

    /**
     * @param fallbackDate the day of articles neither the input, the page nor their text dates
     *                     (null: the ingestion day); each record says where its date came from
     */
    public static List<RawArticle> articles(ParsedPage page, String source, Instant ingestedAt, LocalDate fallbackDate) {
        return page.articles().stream()
                .map(article -> {
                    ArticleDates.Dated dated = ArticleDates.resolve(article.publishedDate(), page.pageDate(),
                            article.title(), article.body(), fallbackDate, ingestedAt);
                    return RawArticle.newBuilder()
                .setId(ArticleIdentity.articleId(source, article.url(), article.title()))
                .setSource(source)
                .setUrl(article.url() == null ? null : ArticleIdentity.canonicalUrl(article.url()))
                .setTitle(article.title())
                .setBody(article.body())
                .setTruncated(article.truncated())
                .setPublishedDate(dated.date())
                .setDateSource(dated.source())
                .setIngestedAt(ingestedAt)
                .setContentHash(ArticleIdentity.contentHash(article.title(), article.body()))
                .setListingPosition(article.position())
                .build();
                }).toList();
    }

    public static List<FxTick> ticks(ParsedPage page, String source) {
        if (page.pageDate() == null) {
            return List.of();
        }
        return page.ticks().stream().map(tick -> FxTick.newBuilder()
                .setBase(tick.base())
                .setQuote(tick.quote())
                .setRate(tick.rate().setScale(RATE_SCALE, RoundingMode.HALF_EVEN))
                .setChangePct(tick.changePct())
                .setAsOf(page.pageDate())
                .setSource(source)
                .build()).toList();
    }
}
