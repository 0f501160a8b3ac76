package dev.caravan.ingest.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;

/**
 * Reads RSS 2.0 and Atom feeds with jsoup's lenient XML parser, so a feed with a stray unescaped
 * ampersand still gives its items. The item's link is its canonical URL, its date its
 * {@code publishedDate}; HTML in descriptions and content is reduced to text.
 */
public final class FeedParser {

    public ParsedPage parse(String file, String xml) {
        Document doc = Jsoup.parse(xml, "", Parser.xmlParser().setTrackPosition(true));
        List<ParseProblem> problems = new ArrayList<>();
        List<ParsedPage.Article> articles = new ArrayList<>();
        Elements items = doc.select("item");
        boolean atom = items.isEmpty();
        if (atom) {
            items = doc.select("entry");
        }
        if (items.isEmpty()) {
            problems.add(new ParseProblem(file, 1, "neither RSS <item> nor Atom <entry> elements: no articles found"));
        }
        int position = 1;
        for (Element item : items) {
            int line = Math.max(item.sourceRange().start().lineNumber(), 1);
            String title = text(child(item, "title"));
            String url = atom ? atomLink(item) : rssLink(item);
            String body = atom
                    ? firstNonEmpty(text(child(item, "content")), text(child(item, "summary")))
                    : firstNonEmpty(text(child(item, "content:encoded")), text(child(item, "description")));
            String dateText = atom
                    ? firstNonEmpty(ownText(child(item, "published")), ownText(child(item, "updated")))
                    : firstNonEmpty(ownText(child(item, "pubDate")), ownText(child(item, "dc:date")));
            LocalDate date = PublishedDates.parse(dateText);
            if (title.isEmpty()) {
                problems.add(new ParseProblem(file, line, "feed item without a title; skipped"));
            } else if (body.isEmpty()) {
                problems.add(new ParseProblem(file, line, "feed item '" + title + "' has no description or content; skipped"));
            } else if (date == null) {
                problems.add(new ParseProblem(file, line, "feed item '" + title + "' has "
                        + (dateText.isEmpty() ? "no date" : "an unreadable date '" + dateText + "'") + "; skipped"));
            } else {
                articles.add(new ParsedPage.Article(title, body, HeaderLines.isTruncated(body), position, line, url, date));
            }
            position++;
        }
        return new ParsedPage(file, null, null, null, List.of(), List.copyOf(articles), List.copyOf(problems));
    }

    /** A direct child by tag name: selecting by name would also find a nested item's fields. */
    private static Element child(Element parent, String tag) {
        for (Element child : parent.children()) {
            if (child.tagName().equalsIgnoreCase(tag)) {
                return child;
            }
        }
        return null;
    }

    private static String rssLink(Element item) {
        String link = ownText(child(item, "link"));
        if (isHttp(link)) {
            return link;
        }
        Element guid = child(item, "guid");
        String permalink = ownText(guid);
        return guid != null && !"false".equalsIgnoreCase(guid.attr("isPermaLink")) && isHttp(permalink) ? permalink : null;
    }

    private static String atomLink(Element entry) {
        String fallback = null;
        for (Element link : entry.children()) {
            if (!link.tagName().equalsIgnoreCase("link") || !isHttp(link.attr("href").strip())) {
                continue;
            }
            String rel = link.attr("rel");
            if (rel.isEmpty() || rel.equals("alternate")) {
                return link.attr("href").strip();
            }
            fallback = fallback == null ? link.attr("href").strip() : fallback;
        }
        return fallback;
    }

    private static boolean isHttp(String url) {
        return url.startsWith("http://") || url.startsWith("https://");
    }

    /** Text of an element whose content may be escaped or CDATA HTML. */
    private static String text(Element el) {
        if (el == null) {
            return "";
        }
        String raw = el.text();
        String plain = raw.indexOf('<') >= 0 ? Jsoup.parse(raw).text() : raw;
        return HeaderLines.normalise(plain);
    }

    private static String ownText(Element el) {
        return el == null ? "" : HeaderLines.normalise(el.text());
    }

    private static String firstNonEmpty(String a, String b) {
        return a.isEmpty() ? b : a;
    }
}
