package dev.caravan.index.api;

import dev.caravan.index.IndexHarness;
import dev.caravan.index.TestArticles;
import dev.caravan.schema.EnrichedArticle;
import dev.caravan.schema.EntityType;
import dev.caravan.schema.FxTick;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A small tagged corpus for the search tests. Every article carries {@link #marker} (a word no
 * other test uses) so a query for it sees only this corpus in the shared index.
 */
final class SearchCorpus {

    static final String SCRIPT_TITLE = "<script>window.__pwned=1</script> Nazarbáev Library Opens in Almaty";
    static final double HEATING_USD = 1_152_000_000.0;
    static final double LIBRARY_USD = 3_840.0;

    final String marker;
    final String fxBase;
    final String heatingId;
    final String bankId;
    final String libraryId;
    final List<EnrichedArticle> articles = new ArrayList<>();
    final List<FxTick> ticks = new ArrayList<>();

    SearchCorpus() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        marker = "qz" + Long.toString(random.nextLong(1L << 40, 1L << 41), 36);
        fxBase = "X" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
        heatingId = marker + "-heating";
        bankId = marker + "-bank";
        libraryId = marker + "-library";
        String source = "search-" + marker;

        articles.add(TestArticles.article(heatingId, source, "Tokayev Signs 600 Billion Tenge Heating Plan in Astana",
                        "President Kassym-Jomart Tokayev approved the plan in Astana on Monday. Samruk-Kazyna will finance "
                                + "600 billion tenge of pipes and boilers. Filed under " + marker + ".")
                .published(LocalDate.of(2024, 12, 2))
                .entity(EntityType.PERSON, "Kassym-Jomart Tokayev", "Tokayev", null)
                .entity(EntityType.LOCATION, "Astana", "Astana", "Kazakhstan")
                .entity(EntityType.ORGANIZATION, "Samruk-Kazyna", "Samruk-Kazyna", null)
                .entity(EntityType.CURRENCY, "KZT", "tenge", null)
                .money("600 billion tenge", 600_000_000_000.0, "KZT", HEATING_USD)
                .url("https://example.org/heating").build());
        articles.add(TestArticles.article(bankId, source, "Kyrgyz Central Bank Keeps Key Rate at 9%",
                        "The National Bank of the Kyrgyz Republic in Bishkek kept its key rate; the som held at 86 per "
                                + "dollar. Filed under " + marker + ".")
                .published(LocalDate.of(2024, 12, 5))
                .entity(EntityType.LOCATION, "Bishkek", "Bishkek", "Kyrgyzstan")
                .entity(EntityType.ORGANIZATION, "National Bank of the Kyrgyz Republic", "National Bank of the Kyrgyz Republic", null)
                .entity(EntityType.CURRENCY, "KGS", "som", null).build());
        articles.add(TestArticles.article(libraryId, source, SCRIPT_TITLE,
                        "Nursultan Nazarbáev opened the library in Almaty with a 2 million tenge grant. Filed under " + marker + ".")
                .published(LocalDate.of(2024, 12, 10))
                .entity(EntityType.PERSON, "Nursultan Nazarbayev", "Nazarbáev", null)
                .entity(EntityType.LOCATION, "Almaty", "Almaty", "Kazakhstan")
                .money("2 million tenge", 2_000_000.0, "KZT", LIBRARY_USD).build());
        for (int i = 1; i <= 10; i++) {
            articles.add(TestArticles.article(marker + "-note-" + i, source, "Market note " + i + " from Tashkent",
                            "Cotton and gold trade in Tashkent, note " + i + ". Filed under " + marker + ".")
                    .published(LocalDate.of(2024, 11, 10 + i))
                    .entity(EntityType.LOCATION, "Tashkent", "Tashkent", "Uzbekistan").build());
        }
        String[] rates = {"0.0019200000", "0.0019100000", "0.0019350000", "0.0019280000", "0.0019400000"};
        for (int day = 0; day < rates.length; day++) {
            ticks.add(TestArticles.tick(fxBase, LocalDate.of(2024, 12, 1 + day), rates[day], day == 0 ? 0.0 : 0.5 - day * 0.2));
        }
    }

    /** The pair as the API's path takes it, e.g. XAB-USD. */
    String fxPair() {
        return fxBase.toUpperCase(Locale.ROOT) + "-USD";
    }

    void send(IndexHarness harness) {
        harness.send(articles);
        harness.sendTicks(ticks);
    }
}
