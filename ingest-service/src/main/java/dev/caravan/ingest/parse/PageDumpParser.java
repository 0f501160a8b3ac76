package dev.caravan.ingest.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the text dump of a news listing page: an FX ticker block, the page date, an optional
 * "Viewing results 1 - 6 of 107" line, then title and body pairs separated by blank lines.
 *
 * <p>Scrapers are sloppy, so the parser is tolerant: any bullet or none before a ticker entry,
 * non-breaking spaces, signed changes, a repeated ticker block, bodies split into several
 * paragraphs. What it cannot place becomes a {@link ParseProblem} with its line; the rest is kept.
 */
public final class PageDumpParser {

    /** Longer than this, or ending like a sentence, a block is body text rather than a headline. */
    private static final int MAX_TITLE_LENGTH = 250;

    public ParsedPage parse(String file, Reader input) {
        List<String> lines = readLines(input);
        List<ParseProblem> problems = new ArrayList<>();
        Map<String, ParsedPage.Tick> ticks = new LinkedHashMap<>();
        LocalDate pageDate = null;
        Integer listingFirst = null;
        Integer listingTotal = null;

        int index = 0;
        // Header: ticker entries, the date and the listing line, in any order, until the first other text.
        for (; index < lines.size(); index++) {
            String line = normalise(lines.get(index));
            int lineNo = index + 1;
            if (line.isEmpty()) {
                continue;
            }
            if (HeaderLines.addTick(file, lineNo, line, ticks, problems)) {
                continue;
            }
            int[] listing = HeaderLines.listing(line);
            if (listing != null) {
                listingFirst = listing[0];
                listingTotal = listing[1];
                continue;
            }
            LocalDate date = HeaderLines.date(line);
            if (date != null && pageDate == null) {
                pageDate = date;
                continue;
            }
            break;
        }
        // No page date line: the articles are still read; PageRecords dates each from its own text,
        // the caller's fallback or the ingestion day, and records which.

        List<Block> blocks = blocks(lines, index);
        List<ParsedPage.Article> articles = new ArrayList<>();
        int position = listingFirst == null ? 1 : listingFirst;
        for (int i = 0; i < blocks.size(); ) {
            Block title = blocks.get(i);
            if (!looksLikeTitle(title.text())) {
                problems.add(new ParseProblem(file, title.line(), "text without a title before it; skipped"));
                i++;
                continue;
            }
            if (i + 1 >= blocks.size()) {
                problems.add(new ParseProblem(file, title.line(), "title '" + abbreviate(title.text())
                        + "' has no body after it; skipped"));
                break;
            }
            StringBuilder body = new StringBuilder(blocks.get(i + 1).text());
            int next = i + 2;
            // Further paragraphs belong to this body until something looks like the next headline.
            while (next < blocks.size() && !looksLikeTitle(blocks.get(next).text())) {
                body.append("\n\n").append(blocks.get(next).text());
                next++;
            }
            String text = body.toString();
            articles.add(new ParsedPage.Article(title.text(), text, isTruncated(text), position, title.line()));
            position++;
            i = next;
        }
        return new ParsedPage(file, pageDate, listingFirst, listingTotal,
                List.copyOf(ticks.values()), List.copyOf(articles), List.copyOf(problems));
    }

    /** True when the start of a text looks like a page dump: a ticker entry or a date among its first lines. */
    public static boolean looksLikePageDump(String head) {
        int seen = 0;
        for (String raw : head.split("\n")) {
            String line = normalise(raw);
            if (line.isEmpty()) {
                continue;
            }
            if (HeaderLines.isTick(line) || HeaderLines.date(line) != null) {
                return true;
            }
            if (++seen >= 3) {
                return false;
            }
        }
        return false;
    }

    static boolean isTruncated(String body) {
        return HeaderLines.isTruncated(body);
    }

    private static boolean looksLikeTitle(String text) {
        if (text.length() > MAX_TITLE_LENGTH || text.contains("\n")) {
            return false;
        }
        return !(text.endsWith(".") || isTruncated(text));
    }

    private record Block(String text, int line) {
    }

    /** Runs of non-blank lines; a run is one paragraph, its lines joined by a space. */
    private static List<Block> blocks(List<String> lines, int from) {
        List<Block> blocks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int start = -1;
        for (int i = from; i <= lines.size(); i++) {
            String line = i < lines.size() ? normalise(lines.get(i)) : "";
            if (line.isEmpty()) {
                if (start >= 0) {
                    blocks.add(new Block(current.toString(), start + 1));
                    current.setLength(0);
                    start = -1;
                }
                continue;
            }
            if (start < 0) {
                start = i;
            } else {
                current.append(' ');
            }
            current.append(line);
        }
        return blocks;
    }

    static String normalise(String line) {
        return HeaderLines.normalise(line);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private static List<String> readLines(Reader input) {
        try (BufferedReader reader = new BufferedReader(input)) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            throw e;
        }
    }
}
