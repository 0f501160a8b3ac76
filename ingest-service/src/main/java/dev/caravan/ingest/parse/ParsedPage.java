package dev.caravan.ingest.parse;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What one listing page holds, before identity and timestamps are assigned. */
public record ParsedPage(
        String file,
        LocalDate pageDate,
        Integer listingFirst,
        Integer listingTotal,
        List<Tick> ticks,
        List<Article> articles,
        List<ParseProblem> problems) {

    /** A ticker entry such as {@code KZT/USD = 0.00192 0%}. */
    public record Tick(String base, String quote, BigDecimal rate, double changePct, int line) {
    }

    /**
     * A title and body pair; {@code position} is the 1-based place on the listing. {@code url} and
     * {@code publishedDate} are null when the input does not say (a page dump never does); the
     * page date stands in for a missing date.
     */
    public record Article(String title, String body, boolean truncated, int position, int line,
                          String url, LocalDate publishedDate) {

        public Article(String title, String body, boolean truncated, int position, int line) {
            this(title, body, truncated, position, line, null, null);
        }
    }
}
