package dev.caravan.index;

import dev.caravan.schema.EnrichedArticle;
import dev.caravan.schema.Entity;
import dev.caravan.schema.EntityType;
import dev.caravan.schema.FxTick;
import dev.caravan.schema.Mention;
import dev.caravan.schema.MoneyMention;
import dev.caravan.schema.TextField;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds enriched articles and ticks for the tests, with mention offsets computed from the text. */
public final class TestArticles {

    private final EnrichedArticle.Builder builder = EnrichedArticle.newBuilder();
    private final List<Entity> entities = new ArrayList<>();
    private final List<MoneyMention> money = new ArrayList<>();

    private TestArticles(String id, String source, String title, String body) {
        builder.setId(id).setSource(source).setUrl(null).setTitle(title).setBody(body).setTruncated(false)
                .setPublishedDate(LocalDate.of(2024, 12, 2)).setIngestedAt(Instant.parse("2024-12-02T10:00:00Z"))
                .setContentHash(Integer.toHexString((title + body).hashCode())).setListingPosition(null)
                .setEnrichedAt(Instant.parse("2024-12-02T10:00:01Z")).setTaggerVersion("test");
    }

    public static TestArticles article(String id, String source, String title, String body) {
        return new TestArticles(id, source, title, body);
    }

    public TestArticles published(LocalDate date) {
        builder.setPublishedDate(date);
        return this;
    }

    public TestArticles ingestedAt(Instant at) {
        builder.setIngestedAt(at);
        return this;
    }

    public TestArticles truncated(boolean truncated) {
        builder.setTruncated(truncated);
        return this;
    }

    public TestArticles url(String url) {
        builder.setUrl(url);
        return this;
    }

    /** An entity with a mention at every place its text occurs in the title and body. */
    public TestArticles entity(EntityType type, String name, String text, String country) {
        return entity(type, name, text, country, 1.0);
    }

    public TestArticles entity(EntityType type, String name, String text, String country, double confidence) {
        List<Mention> mentions = new ArrayList<>();
        addMentions(mentions, builder.getTitle(), text, TextField.TITLE);
        addMentions(mentions, builder.getBody(), text, TextField.BODY);
        entities.add(Entity.newBuilder().setType(type).setName(name).setMentions(mentions).setCountry(country)
                .setRegion(country == null ? null : "Central Asia").setConfidence(confidence).build());
        return this;
    }

    /** One money fact stated once, as the enricher writes it: the mention and its fact. */
    private final List<dev.caravan.schema.MoneyFact> facts = new java.util.ArrayList<>();

    public TestArticles money(String text, double amount, String currency, Double usd) {
        return fact(dev.caravan.schema.MoneyKind.AMOUNT, text, amount, currency, null, usd);
    }

    /** A price (per {@code unit}): shown with the article's money, never in a total. */
    public TestArticles price(String text, double amount, String currency, String unit, Double usd) {
        return fact(dev.caravan.schema.MoneyKind.PRICE, text, amount, currency, unit, usd);
    }

    private TestArticles fact(dev.caravan.schema.MoneyKind kind, String text, double amount, String currency, String unit, Double usd) {
        money.add(MoneyMention.newBuilder().setText(text).setAmount(amount).setCurrency(currency).setUsd(usd)
                .setRate(usd == null ? null : usd / amount).setRateAsOf(usd == null ? null : builder.getPublishedDate())
                .setFact(facts.size()).build());
        facts.add(dev.caravan.schema.MoneyFact.newBuilder().setKind(kind).setUnit(unit)
                .setAmount(BigDecimal.valueOf(amount).setScale(6, RoundingMode.HALF_EVEN)).setCurrency(currency).setText(text)
                .setUsd(usd == null ? null : BigDecimal.valueOf(usd).setScale(2, RoundingMode.HALF_EVEN))
                .setUsdSource(usd == null ? null : dev.caravan.schema.UsdSource.RATE)
                .setRate(usd == null ? null : BigDecimal.valueOf(usd / amount).setScale(12, RoundingMode.HALF_EVEN))
                .setRateAsOf(usd == null ? null : builder.getPublishedDate())
                .setNoUsdReason(usd == null ? "no " + currency + "/USD tick within 7 days before " + builder.getPublishedDate() : null)
                .build());
        return this;
    }

    public EnrichedArticle build() {
        return builder.setEntities(entities).setMoney(money).setMoneyFacts(facts).build();
    }

    public static FxTick tick(String base, LocalDate asOf, String rate, double changePct) {
        BigDecimal value = new BigDecimal(rate).setScale(10, RoundingMode.UNNECESSARY);
        return FxTick.newBuilder().setBase(base).setQuote("USD").setRate(value)
                .setChangePct(changePct).setAsOf(asOf).setSource("test").build();
    }

    private static void addMentions(List<Mention> mentions, String text, String needle, TextField field) {
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            mentions.add(Mention.newBuilder().setText(needle).setField(field).setStart(at).setEnd(at + needle.length()).build());
        }
    }
}
