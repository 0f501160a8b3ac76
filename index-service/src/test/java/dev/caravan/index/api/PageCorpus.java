package dev.caravan.index.api;

import dev.caravan.index.IndexHarness;
import dev.caravan.index.TestArticles;
import dev.caravan.schema.EnrichedArticle;
import dev.caravan.schema.EntityType;
import dev.caravan.schema.FxTick;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the search page tests need beyond {@link SearchCorpus}, under a marker of its own so the API
 * tests' counts stay as they are: an article with a price, an amount with a rate and one without,
 * a person named only in full, an organisation mentioned on days far apart, and a currency worth
 * a ten-thousandth of a dollar whose ticks have an 18-month gap.
 */
final class PageCorpus {

    static final String TRUST = "Chorsu Market Trust";
    static final double BAZAAR_USD = 157_000.0;

    final String marker;
    final String tinyBase;
    final String bazaarId;
    final List<EnrichedArticle> articles = new ArrayList<>();
    final List<FxTick> ticks = new ArrayList<>();

    PageCorpus() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        marker = "qy" + Long.toString(random.nextLong(1L << 40, 1L << 41), 36);
        tinyBase = "Y" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
        bazaarId = marker + "-bazaar";
        String source = "page-" + marker;
        articles.add(TestArticles.article(bazaarId, source, "Chorsu Market Trust Raises Bread Prices in Tashkent",
                        "Bread costs 5,000 soums per loaf at the bazaar, Mayor Shavkat Umurzakov said. The Chorsu Market Trust "
                                + "spent 2 billion soums on a new roof in Tashkent and a partner pledged 1 million manat. "
                                + "Filed under " + marker + ".")
                .published(LocalDate.of(2024, 12, 6))
                .entity(EntityType.ORGANIZATION, TRUST, TRUST, null)
                .entity(EntityType.LOCATION, "Tashkent", "Tashkent", "Uzbekistan")
                .entity(EntityType.PERSON, "Shavkat Umurzakov", "Shavkat Umurzakov", null)
                .entity(EntityType.CURRENCY, "UZS", "soums", null)
                .price("5,000 soums", 5_000.0, "UZS", "loaf", 0.39)
                .money("2 billion soums", 2_000_000_000.0, "UZS", BAZAAR_USD)
                .money("1 million manat", 1_000_000.0, "TMT", null)
                .url("https://example.org/bazaar").build());
        for (int day = 1; day <= 2; day++) {
            articles.add(TestArticles.article(marker + "-trust-" + day, source, "Trust report " + day,
                            "The " + TRUST + " reported on its stalls. Filed under " + marker + ".")
                    .published(LocalDate.of(2024, 10, day))
                    .entity(EntityType.ORGANIZATION, TRUST, TRUST, null).build());
        }
        String[][] rates = {{"2023-06-01", "0.0000790000"}, {"2023-06-02", "0.0000792000"},
                {"2024-12-01", "0.0000801000"}, {"2024-12-02", "0.0000803000"}};
        for (String[] tick : rates) {
            ticks.add(TestArticles.tick(tinyBase, LocalDate.parse(tick[0]), tick[1], 0.1));
        }
    }

    String tinyPair() {
        return tinyBase + "-USD";
    }

    void send(IndexHarness harness) {
        harness.send(articles);
        harness.sendTicks(ticks);
    }
}
