package dev.caravan.ingest.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;

/**
 * Reads a news listing page as HTML: the same ticker, date, listing line and articles as a page
 * dump, taken from the markup. Articles are the page's {@code <article>} elements (or, on pages
 * without them, each {@code h2}/{@code h3} headline with the paragraphs after it); the headline's
 * link is the article's URL and a {@code <time datetime>} inside it its date.
 */
public final class HtmlListingParser {

    private static final int MAX_HEADER_TEXT = 80;

    public ParsedPage parse(String file, String html, String baseUri) {
        Document doc = Jsoup.parse(html, baseUri == null ? "" : baseUri, Parser.htmlParser().setTrackPosition(true));
        List<ParseProblem> problems = new ArrayList<>();
        Map<String, ParsedPage.Tick> ticks = new LinkedHashMap<>();
        LocalDate pageDate = null;
        Integer listingFirst = null;
        Integer listingTotal = null;

        Elements articleElements = doc.select("article");
        for (Element el : doc.body().getAllElements()) {
            if (el.closest("article") != null) {
                continue;
            }
            String text = HeaderLines.normalise(el.text());
            if (text.isEmpty() || text.length() > MAX_HEADER_TEXT) {
                continue;
            }
            if (HeaderLines.addTick(file, line(el), text, ticks, problems)) {
                continue;
            }
            int[] listing = HeaderLines.listing(text);
            if (listing != null && listingFirst == null) {
                listingFirst = listing[0];
                listingTotal = listing[1];
                continue;
            }
            if (pageDate == null && el.closest("a") == null) {
                LocalDate date = el.hasAttr("datetime") ? PublishedDates.parse(el.attr("datetime")) : HeaderLines.date(text);
                if (date != null) {
                    pageDate = date;
                }
            }
        }

        List<ParsedPage.Article> articles = new ArrayList<>();
        int position = listingFirst == null ? 1 : listingFirst;
        List<Candidate> candidates = articleElements.isEmpty() ? headlineSections(doc) : articleSections(articleElements);
        if (candidates.isEmpty()) {
            problems.add(new ParseProblem(file, 1, "no <article> elements and no h2/h3 headlines: no articles found"));
        }
        for (Candidate c : candidates) {
            if (c.title().isEmpty()) {
                problems.add(new ParseProblem(file, c.line(), "article without a headline; skipped"));
                continue;
            }
            if (c.body().isEmpty()) {
                problems.add(new ParseProblem(file, c.line(), "article '" + c.title() + "' has no text; skipped"));
                continue;
            }
            if (c.date() == null && pageDate == null) {
                problems.add(new ParseProblem(file, c.line(), "article '" + c.title()
                        + "' has no date and the page has none; skipped"));
                continue;
            }
            articles.add(new ParsedPage.Article(c.title(), c.body(), HeaderLines.isTruncated(c.body()),
                    position++, c.line(), c.url(), c.date()));
        }
        return new ParsedPage(file, pageDate, listingFirst, listingTotal,
                List.copyOf(ticks.values()), List.copyOf(articles), List.copyOf(problems));
    }

    private record Candidate(String title, String url, String body, LocalDate date, int line) {
    }

    private static List<Candidate> articleSections(Elements articleElements) {
        List<Candidate> out = new ArrayList<>();
        for (Element article : articleElements) {
            if (article.parents().is("article")) {
                continue; // a nested article is part of its parent's text
            }
            Element headline = article.selectFirst("h1, h2, h3, h4, .title, .headline");
            String title = headline == null ? "" : HeaderLines.normalise(headline.text());
            Element link = headline == null ? null : headline.selectFirst("a[href]");
            if (link == null && headline != null) {
                link = headline.closest("a[href]");
            }
            if (link == null) {
                link = article.selectFirst("a[href]");
            }
            List<String> paragraphs = new ArrayList<>();
            for (Element p : article.select("p, .summary, .teaser")) {
                if (headline != null && (p == headline || p.parents().contains(headline))) {
                    continue;
                }
                if (!p.select("p").isEmpty() && p.select("p").first() != p) {
                    continue; // a wrapper around paragraphs: they are taken one by one
                }
                String text = HeaderLines.normalise(p.text());
                if (!text.isEmpty() && HeaderLines.date(text) == null) {
                    paragraphs.add(text);
                }
            }
            out.add(new Candidate(title, url(link), String.join("\n\n", paragraphs), date(article), line(article)));
        }
        return out;
    }

    /** Pages without article markup: each h2/h3 and the paragraphs up to the next headline. */
    private static List<Candidate> headlineSections(Document doc) {
        List<Candidate> out = new ArrayList<>();
        for (Element headline : doc.select("h2, h3")) {
            List<String> paragraphs = new ArrayList<>();
            LocalDate date = null;
            for (Element next = headline.nextElementSibling(); next != null && !next.is("h1, h2, h3"); next = next.nextElementSibling()) {
                if (next.is("time") || next.selectFirst("time") != null) {
                    date = date == null ? date(next) : date;
                    continue;
                }
                String text = HeaderLines.normalise(next.text());
                if (!text.isEmpty()) {
                    paragraphs.add(text);
                }
            }
            Element link = headline.selectFirst("a[href]");
            out.add(new Candidate(HeaderLines.normalise(headline.text()), url(link),
                    String.join("\n\n", paragraphs), date, line(headline)));
        }
        return out;
    }

    private static LocalDate date(Element scope) {
        Element time = scope.is("time") ? scope : scope.selectFirst("time");
        if (time == null) {
            return null;
        }
        LocalDate date = PublishedDates.parse(time.attr("datetime"));
        return date != null ? date : PublishedDates.parse(time.text());
    }

    private static String url(Element link) {
        if (link == null) {
            return null;
        }
        String abs = link.absUrl("href");
        String href = abs.isEmpty() ? link.attr("href").strip() : abs;
        // A relative link without a base says nothing stable about the article.
        return href.startsWith("http://") || href.startsWith("https://") ? href : null;
    }

    private static int line(Element el) {
        int line = el.sourceRange().start().lineNumber();
        return Math.max(line, 1);
    }
}
