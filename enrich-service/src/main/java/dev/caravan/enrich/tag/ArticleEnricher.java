package dev.caravan.enrich.tag;

import dev.caravan.enrich.fx.FxRates;
import dev.caravan.enrich.fx.MoneyConverter;
import dev.caravan.enrich.money.MoneyAmount;
import dev.caravan.enrich.money.MoneyExtractor;
import dev.caravan.enrich.money.MoneyFacts;
import dev.caravan.schema.MoneyMention;
import dev.caravan.enrich.money.SharedCurrencyWords;
import dev.caravan.schema.EnrichedArticle;
import dev.caravan.schema.Entity;
import dev.caravan.schema.EntityType;
import dev.caravan.schema.Mention;
import dev.caravan.schema.RawArticle;
import dev.caravan.schema.TextField;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the enriched record: the raw fields, the entities and money found, and when. */
public final class ArticleEnricher {

    public static final String TAGGER_VERSION = "gazetteer-rules-7";

    private final EntityTagger entityTagger;
    private final MoneyExtractor moneyExtractor;
    private final int fxMaxAgeDays;
    private final Clock clock;
    private final ArticleLimits limits;

    public ArticleEnricher(Gazetteer gazetteer, int fxMaxAgeDays, Clock clock) {
        this(gazetteer, fxMaxAgeDays, clock, ArticleLimits.DEFAULTS);
    }

    public ArticleEnricher(Gazetteer gazetteer, int fxMaxAgeDays, Clock clock, ArticleLimits limits) {
        this.entityTagger = new EntityTagger(gazetteer);
        this.moneyExtractor = new MoneyExtractor(gazetteer);
        this.fxMaxAgeDays = fxMaxAgeDays;
        this.clock = clock;
        this.limits = limits;
    }

    public EnrichedArticle enrich(RawArticle raw, FxRates rates) {
        List<String> limitsApplied = new ArrayList<>();
        String body = limits.taggedBody(raw.getBody(), limitsApplied);
        List<MoneyAmount> money = new ArrayList<>(moneyExtractor.extract(raw.getTitle(), TextField.TITLE));
        money.addAll(moneyExtractor.extract(body, TextField.BODY));
        List<Entity> tagged = entityTagger.tag(raw.getTitle(), body);
        // the countries of the article's places and bodies: a Japanese or Chinese body (JICA, CNPC) says whose "¥" it is,
        // an Azerbaijani one (SOCAR, the Cabinet of Ministers of Azerbaijan) whose "manat"
        Map<String, Integer> countries = new HashMap<>();
        tagged.stream().filter(e -> e.getCountry() != null && (e.getType() == EntityType.LOCATION
                        || e.getType() == EntityType.ORGANIZATION))
                .forEach(e -> countries.merge(e.getCountry(), e.getMentions().size(), Integer::sum));
        List<MoneyAmount> read = new ArrayList<>(money.size());
        for (int i = 0; i < money.size(); i++) {
            MoneyAmount m = money.get(i);
            MoneyAmount next = i + 1 < money.size() ? money.get(i + 1) : null;
            // "from 1065 to 1220 som": the low end's currency word is the high end's
            String written = next != null && next.field() == m.field() && next.currency().equals(m.currency())
                    && !Character.isLetter(m.text().charAt(m.text().length() - 1)) && next.start() - m.end() <= 6 ? next.text() : m.text();
            read.add(m.withCurrency(SharedCurrencyWords.resolve(m.currency(), written, countries,
                    m.field() == TextField.TITLE ? raw.getTitle() : body, m.start())));
        }
        money = read;
        List<MoneyFacts.Fact> facts = MoneyFacts.group(money, raw.getTitle(), body);
        tagged.stream().filter(e -> e.getType() == EntityType.CURRENCY).forEach(e -> e.setName(
                e.getMentions().stream().map(m -> SharedCurrencyWords.resolve(e.getName(), m.getText(), countries))
                        .filter(code -> !code.equals(e.getName())).findFirst().orElse(e.getName())));
        List<Entity> entities = limits.bound(withCurrenciesOf(tagged, money), limitsApplied);
        MoneyConverter converter = new MoneyConverter(rates, fxMaxAgeDays);
        List<MoneyMention> mentions = converter.convert(money, raw.getPublishedDate());
        for (int f = 0; f < Math.min(facts.size(), limits.maxMoney()); f++) { // no mention points past the facts kept
            for (int mention : facts.get(f).mentions()) {
                mentions.get(mention).setFact(f);
            }
        }
        return EnrichedArticle.newBuilder()
                .setId(raw.getId())
                .setSource(raw.getSource())
                .setUrl(raw.getUrl())
                .setTitle(raw.getTitle())
                .setBody(raw.getBody())
                .setTruncated(raw.getTruncated())
                .setPublishedDate(raw.getPublishedDate())
                .setDateSource(raw.getDateSource())
                .setIngestedAt(raw.getIngestedAt())
                .setContentHash(raw.getContentHash())
                .setListingPosition(raw.getListingPosition())
                .setEntities(entities)
                .setMoney(limits.boundMoney(mentions, limitsApplied))
                .setMoneyFacts(limits.boundMoneyFacts(converter.convertFacts(facts, raw.getPublishedDate()), limitsApplied))
                .setLimitsApplied(limitsApplied)
                .setEnrichedAt(clock.instant())
                .setTaggerVersion(TAGGER_VERSION)
                .build();
    }

    /** "$10,000" names a currency too: money whose currency no word mentioned adds a CURRENCY mention. */
    private static List<Entity> withCurrenciesOf(List<Entity> entities, List<MoneyAmount> money) {
        List<Entity> result = new ArrayList<>(entities);
        for (MoneyAmount amount : money) {
            Mention mention = Mention.newBuilder().setText(amount.text()).setField(amount.field())
                    .setStart(amount.start()).setEnd(amount.end()).build();
            Entity currency = result.stream()
                    .filter(e -> e.getType() == EntityType.CURRENCY && e.getName().equals(amount.currency()))
                    .findFirst().orElse(null);
            boolean covered = currency != null && currency.getMentions().stream().anyMatch(m -> m.getField() == amount.field()
                    && m.getStart() < amount.end() && amount.start() < m.getEnd());
            if (currency == null) {
                result.add(Entity.newBuilder().setType(EntityType.CURRENCY).setName(amount.currency())
                        .setMentions(new ArrayList<>(List.of(mention))).setConfidence(1.0).build());
            } else if (!covered) {
                List<Mention> mentions = new ArrayList<>(currency.getMentions());
                mentions.add(mention);
                currency.setMentions(mentions);
            }
        }
        return result;
    }
}
