package dev.caravan.index.document;

import dev.caravan.schema.EnrichedArticle;
import dev.caravan.schema.Entity;
import dev.caravan.schema.EntityType;
import dev.caravan.schema.FxTick;
import dev.caravan.schema.Mention;
import dev.caravan.schema.MoneyMention;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Maps records to OpenSearch documents and decides the index and id of each. */
public final class ArticleDocuments {

    public static final String ARTICLES_ALIAS = "articles";
    public static final String FX_ALIAS = "fx-ticks";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu.MM");
    /** Above any epoch-millis timestamp: a full text always outranks a truncated teaser. */
    private static final long FULL_TEXT_BONUS = 1L << 42;

    private ArticleDocuments() {
    }

    /** Monthly indices keep old months cheap to shrink or drop; the alias reads them all. */
    public static String articleIndex(LocalDate published) {
        return "articles-v1-" + published.format(MONTH);
    }

    public static String fxIndex(LocalDate asOf) {
        return "fx-ticks-v1-" + asOf.getYear();
    }

    /** A tick's id is its pair and day, so the history of a pair is kept and a replay overwrites. */
    public static String fxId(FxTick tick) {
        return tick.getBase() + "-" + tick.getQuote() + "-" + tick.getAsOf();
    }

    /**
     * External version of an article revision: full text beats truncated, then newer ingestion
     * beats older. OpenSearch keeps the highest, so a late teaser never overwrites the full article.
     */
    public static long version(EnrichedArticle article) {
        return (article.getTruncated() ? 0 : FULL_TEXT_BONUS) + article.getIngestedAt().toEpochMilli();
    }

    public static Map<String, Object> article(EnrichedArticle a) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", a.getId());
        doc.put("source", a.getSource());
        doc.put("url", a.getUrl());
        doc.put("title", a.getTitle());
        doc.put("body", a.getBody());
        doc.put("truncated", a.getTruncated());
        doc.put("publishedDate", a.getPublishedDate().toString());
        doc.put("dateSource", a.getDateSource());
        doc.put("ingestedAt", a.getIngestedAt().toString());
        doc.put("enrichedAt", a.getEnrichedAt().toString());
        doc.put("contentHash", a.getContentHash());
        doc.put("listingPosition", a.getListingPosition());
        doc.put("taggerVersion", a.getTaggerVersion());
        doc.put("entities", a.getEntities().stream().map(ArticleDocuments::entity).toList());
        doc.put("money", a.getMoney().stream().map(ArticleDocuments::money).toList());
        doc.put("moneyFacts", a.getMoneyFacts().stream().map(ArticleDocuments::moneyFact).toList());
        // Flat copies for dashboards: OpenSearch Dashboards' visualisations cannot aggregate nested fields.
        doc.put("people", names(a, EntityType.PERSON));
        doc.put("places", names(a, EntityType.LOCATION));
        doc.put("organizations", names(a, EntityType.ORGANIZATION));
        doc.put("currencies", names(a, EntityType.CURRENCY));
        doc.put("countries", a.getEntities().stream().map(Entity::getCountry).filter(java.util.Objects::nonNull)
                .distinct().toList());
        // Facts, not mentions: "600 billion tenge ($1.2 billion)" and its repeats count once; prices never.
        // Exact in cents (a long), and as dollars for dashboards.
        java.math.BigDecimal total = a.getMoneyFacts().stream()
                .filter(f -> f.getKind() != dev.caravan.schema.MoneyKind.PRICE && f.getUsd() != null)
                .map(dev.caravan.schema.MoneyFact::getUsd).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)
                .setScale(2, java.math.RoundingMode.HALF_EVEN);
        doc.put("moneyUsd", total.doubleValue());
        doc.put("moneyUsdCents", total.movePointRight(2).longValueExact());
        return doc;
    }

    public static Map<String, Object> fxTick(FxTick t) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("pair", t.getBase() + "/" + t.getQuote());
        doc.put("base", t.getBase());
        doc.put("quote", t.getQuote());
        // The rate is an Avro decimal: a double for charts and dashboards, and exactly as the text of the
        // decimal (what the FX API returns) and as a long of units of 10^-10 (the schema's scale) to sort and compare.
        java.math.BigDecimal rate = t.getRate();
        doc.put("rate", rate.doubleValue());
        doc.put("rateText", exactText(rate));
        doc.put("rateE10", rateE10(rate));
        doc.put("changePct", t.getChangePct());
        doc.put("asOf", t.getAsOf().toString());
        doc.put("source", t.getSource());
        return doc;
    }

    /** Scale of FxTick.rate in the schema: {@code rateE10} counts units of 10^-10. */
    public static final int RATE_SCALE = 10;

    /** The decimal as written, without trailing zeros and never in exponent notation: 0.0000785123. */
    public static String exactText(java.math.BigDecimal value) {
        java.math.BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** The rate in units of 10^-10 when it fits a long exactly (any rate below 922 million), else null. */
    public static Long rateE10(java.math.BigDecimal rate) {
        try {
            return rate.setScale(RATE_SCALE, java.math.RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static java.util.List<String> names(EnrichedArticle a, EntityType type) {
        return a.getEntities().stream().filter(e -> e.getType() == type).map(Entity::getName).distinct().toList();
    }

    private static Map<String, Object> entity(Entity e) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", e.getType().name());
        doc.put("name", e.getName());
        doc.put("country", e.getCountry());
        doc.put("region", e.getRegion());
        doc.put("confidence", e.getConfidence());
        // Every form the article writes it in (surname, alias, accented spelling) beside the canonical name,
        // indexed folded, so that a lookup by "tokayev" or "Nazarbaev" finds it.
        java.util.LinkedHashSet<String> forms = new java.util.LinkedHashSet<>();
        forms.add(e.getName());
        e.getMentions().forEach(m -> forms.add(m.getText()));
        doc.put("forms", java.util.List.copyOf(forms));
        doc.put("mentions", e.getMentions().stream().map(ArticleDocuments::mention).toList());
        return doc;
    }

    private static Map<String, Object> mention(Mention m) {
        return Map.of("text", m.getText(), "field", m.getField().name(), "start", m.getStart(), "end", m.getEnd());
    }

    private static Map<String, Object> money(MoneyMention m) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("text", m.getText());
        doc.put("amount", m.getAmount());
        doc.put("currency", m.getCurrency());
        doc.put("usd", m.getUsd());
        doc.put("rate", m.getRate());
        doc.put("rateAsOf", m.getRateAsOf() == null ? null : m.getRateAsOf().toString());
        doc.put("fact", m.getFact());
        return doc;
    }

    private static Map<String, Object> moneyFact(dev.caravan.schema.MoneyFact f) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("kind", f.getKind().name());
        doc.put("text", f.getText());
        doc.put("amount", f.getAmount().doubleValue());
        doc.put("amountMax", f.getAmountMax() == null ? null : f.getAmountMax().doubleValue());
        doc.put("currency", f.getCurrency());
        doc.put("qualifier", f.getQualifier());
        doc.put("unit", f.getUnit());
        doc.put("equivalentAmount", f.getEquivalentAmount() == null ? null : f.getEquivalentAmount().doubleValue());
        doc.put("equivalentCurrency", f.getEquivalentCurrency());
        doc.put("mentions", f.getMentions());
        doc.put("usd", f.getUsd() == null ? null : f.getUsd().doubleValue());
        doc.put("usdCents", f.getUsd() == null ? null : f.getUsd().movePointRight(2).longValueExact());
        doc.put("usdSource", f.getUsdSource() == null ? null : f.getUsdSource().name());
        doc.put("rate", f.getRate() == null ? null : f.getRate().stripTrailingZeros().toPlainString());
        doc.put("rateAsOf", f.getRateAsOf() == null ? null : f.getRateAsOf().toString());
        doc.put("noUsdReason", f.getNoUsdReason());
        return doc;
    }
}
