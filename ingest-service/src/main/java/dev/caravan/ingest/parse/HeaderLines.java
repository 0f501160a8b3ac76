package dev.caravan.ingest.parse;

import java.math.BigDecimal;
import java.text.ParsePosition;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header lines a listing page shows, whether as a text dump or as markup: FX ticker entries
 * ({@code • KZT/USD = 0.00192 -2.56%}), the page date and the "Viewing results 1 - 6 of 107" line.
 */
final class HeaderLines {

    // Digit runs are bounded so that a scraper's garbage can never overflow a number.
    private static final Pattern TICK = Pattern.compile(
            "^[\\p{Pd}•·*▪●►◦‣>]?\\s*([A-Z]{3})\\s*/\\s*([A-Z]{3})\\s*=\\s*(\\d{1,14}(?:[.,]\\d{1,10})?)"
                    + "(?:\\s*([+\\-−–]?\\s*\\d{1,6}(?:[.,]\\d{1,6})?)\\s*%)?\\s*$");
    private static final Pattern LISTING = Pattern.compile(
            "^Viewing results\\s+(\\d{1,9})\\s*[\\p{Pd}]\\s*(\\d{1,9})\\s+of\\s+(\\d{1,9})\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final List<DateTimeFormatter> SPELLED_OUT_FORMATS = List.of(
            formatter("d MMMM uuuu"), formatter("d MMM uuuu"), formatter("MMMM d, uuuu"),
            formatter("EEEE, d MMMM uuuu"), DateTimeFormatter.ISO_LOCAL_DATE,
            // the forms the region's sites print: "Aug. 19, 2022", "Aug 19, 2022", "Friday, August 19, 2022"
            formatter("MMM'.' d, uuuu"), formatter("MMM d, uuuu"), formatter("d MMM'.' uuuu"),
            formatter("EEEE, MMMM d, uuuu"));
    /** A page's date line may also be all digits, day first as the region writes it: "19.08.2022". */
    private static final List<DateTimeFormatter> DATE_FORMATS = java.util.stream.Stream.concat(SPELLED_OUT_FORMATS.stream(),
            java.util.stream.Stream.of(formatter("d.M.uuuu"))).toList();

    private HeaderLines() {
    }

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH);
    }

    static boolean isTick(String line) {
        return TICK.matcher(line).matches();
    }

    /**
     * Adds the ticker entry on a line to {@code ticks}, once per pair; a later entry that disagrees
     * is reported and the first kept. Returns false when the line is no ticker entry.
     */
    static boolean addTick(String file, int lineNo, String line, Map<String, ParsedPage.Tick> ticks,
                           List<ParseProblem> problems) {
        Matcher m = TICK.matcher(line);
        if (!m.matches()) {
            return false;
        }
        String base = m.group(1);
        String quote = m.group(2);
        BigDecimal rate = new BigDecimal(m.group(3).replace(',', '.'));
        double change = 0.0;
        if (m.group(4) != null) {
            String signed = m.group(4).replaceAll("\\s", "").replace('−', '-').replace('–', '-');
            change = Double.parseDouble(signed.replace(',', '.'));
        }
        String pair = base + "/" + quote;
        ParsedPage.Tick existing = ticks.get(pair);
        if (existing == null) {
            ticks.put(pair, new ParsedPage.Tick(base, quote, rate, change, lineNo));
        } else if (existing.rate().compareTo(rate) != 0 || existing.changePct() != change) {
            problems.add(new ParseProblem(file, lineNo, pair + " = " + rate + " disagrees with line "
                    + existing.line() + " (" + existing.rate() + "); the first one is kept"));
        }
        return true;
    }

    /** The first and total numbers of a "Viewing results 1 - 6 of 107" line, or null. */
    static int[] listing(String line) {
        Matcher m = LISTING.matcher(line);
        if (!m.matches()) {
            return null;
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3))};
    }

    /** A line that is nothing but a date such as "02 December 2024", or null. */
    static LocalDate date(String line) {
        return date(line, DATE_FORMATS);
    }

    /**
     * The same without the all-digit "19.08.2022": a field a client fills in (JSON's publishedDate) is
     * ISO or spelled out, since "06.12.2024" reads as June or December depending on who wrote it.
     */
    static LocalDate spelledOutDate(String line) {
        return date(line, SPELLED_OUT_FORMATS);
    }

    private static LocalDate date(String line, List<DateTimeFormatter> formats) {
        if (line.length() > 40 || line.isEmpty() || !Character.isLetterOrDigit(line.charAt(0))) {
            return null;
        }
        for (DateTimeFormatter format : formats) {
            // A layout that does not fit the text is told without an exception; only a text that
            // fits is resolved (which can still fail: "31 February 2024").
            ParsePosition position = new ParsePosition(0);
            if (format.parseUnresolved(line, position) == null || position.getIndex() != line.length()) {
                continue;
            }
            try {
                return LocalDate.parse(line, format);
            } catch (DateTimeParseException ignored) {
                // try the next layout
            }
        }
        return null;
    }

    /**
     * Non-breaking and figure spaces as plain spaces, no BOM, runs of spaces as one. Most lines need
     * none of it: one scan finds that and returns the line itself (no regex, no copy).
     */
    static String normalise(String line) {
        if (isNormal(line)) {
            return line;
        }
        String text = line.replace('\u00A0', ' ').replace('\u2007', ' ').replace('\u202F', ' ').replace("\uFEFF", "");
        return collapseBlanks(text.strip());
    }

    /** True when {@link #normalise} would return the line unchanged. */
    private static boolean isNormal(String line) {
        int n = line.length();
        if (n == 0) {
            return true;
        }
        if (Character.isWhitespace(line.charAt(0)) || Character.isWhitespace(line.charAt(n - 1))) {
            return false;
        }
        boolean blank = false;
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                if (blank) {
                    return false;
                }
                blank = true;
            } else if (c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\uFEFF') {
                return false;
            } else {
                blank = false;
            }
        }
        // A leading or trailing character that is no whitespace but becomes a space or vanishes was caught above.
        return true;
    }

    /** Each run of two or more spaces and tabs as one space; a lone tab stays. */
    private static String collapseBlanks(String text) {
        StringBuilder out = null;
        int n = text.length();
        for (int i = 0; i < n; ) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                int end = i + 1;
                while (end < n && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
                    end++;
                }
                if (end - i >= 2) {
                    if (out == null) {
                        out = new StringBuilder(n).append(text, 0, i);
                    }
                    out.append(' ');
                } else if (out != null) {
                    out.append(c);
                }
                i = end;
            } else {
                if (out != null) {
                    out.append(c);
                }
                i++;
            }
        }
        return out == null ? text : out.toString();
    }

    /** A listing teaser ends in an ellipsis. */
    static boolean isTruncated(String body) {
        String trimmed = body.strip();
        return trimmed.endsWith("...") || trimmed.endsWith("…");
    }
}
