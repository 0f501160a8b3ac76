package dev.caravan.ingest.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The day of an article: the input's own date, else the page's date line, else the latest full date
 * the article states ("on 12 May 2025", "May 12, 2025"), else the caller's fallback, else the
 * ingestion day. A page without a date line is never skipped for want of one.
 */
public final class ArticleDates {

    public static final String SOURCE = "SOURCE";
    public static final String PAGE = "PAGE";
    public static final String TEXT = "TEXT";
    public static final String OPTION = "OPTION";
    public static final String INGESTED = "INGESTED";

    private static final String MONTHS = "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
            + "Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?";
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b(\\d{1,2}) (" + MONTHS + ")\\.?,? ((?:19|20)\\d\\d)\\b");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("\\b(" + MONTHS + ")\\.? (\\d{1,2}),? ((?:19|20)\\d\\d)\\b");
    /** "19.08.2022", day first as the region writes it. */
    private static final Pattern DOTTED = Pattern.compile("\\b(\\d{1,2})\\.(\\d{1,2})\\.((?:19|20)\\d\\d)\\b");
    private static final Pattern ISO = Pattern.compile("\\b((?:19|20)\\d\\d)-(\\d\\d)-(\\d\\d)\\b");

    /** A day and where it came from (one of the constants above). */
    public record Dated(LocalDate date, String source) {
    }

    private ArticleDates() {
    }

    public static Dated resolve(LocalDate given, LocalDate pageDate, String title, String body, LocalDate fallback,
                                Instant ingestedAt) {
        if (given != null) {
            return new Dated(given, SOURCE);
        }
        if (pageDate != null) {
            return new Dated(pageDate, PAGE);
        }
        LocalDate today = ingestedAt.atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate stated = latestStated(title + "\n" + body, today.plusDays(1));
        if (stated != null) {
            return new Dated(stated, TEXT);
        }
        return fallback != null ? new Dated(fallback, OPTION) : new Dated(today, INGESTED);
    }

    /** The latest full date in the text that is not after {@code notAfter}; null if none. */
    static LocalDate latestStated(String text, LocalDate notAfter) {
        LocalDate latest = null;
        for (Pattern pattern : new Pattern[] {DAY_MONTH_YEAR, MONTH_DAY_YEAR, ISO, DOTTED}) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                LocalDate date = parse(pattern, m);
                if (date != null && !date.isAfter(notAfter) && (latest == null || date.isAfter(latest))) {
                    latest = date;
                }
            }
        }
        return latest;
    }

    private static LocalDate parse(Pattern pattern, Matcher m) {
        try {
            if (pattern == ISO) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            if (pattern == DOTTED) {
                return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            }
            boolean dayFirst = pattern == DAY_MONTH_YEAR;
            int day = Integer.parseInt(m.group(dayFirst ? 1 : 2));
            Month month = month(m.group(dayFirst ? 2 : 1));
            return LocalDate.of(Integer.parseInt(m.group(3)), month, day);
        } catch (DateTimeException | NumberFormatException e) {
            return null; // "31 February 2024": not a date
        }
    }

    private static Month month(String written) {
        String prefix = written.substring(0, 3).toUpperCase(Locale.ROOT);
        for (Month month : Month.values()) {
            if (month.name().startsWith(prefix)) {
                return month;
            }
        }
        throw new DateTimeException("no month " + written);
    }
}
