package dev.caravan.ingest.parse;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The dates feeds and markup carry: RFC 822/1123 ({@code Mon, 02 Dec 2024 09:30:00 +0500}), ISO
 * date-times with an offset, plain ISO dates and the page's own "02 December 2024". A date-time
 * becomes the calendar day where it was written, which is the day the newsroom means.
 */
public final class PublishedDates {

    // RFC 822 as feeds really write it: optional weekday, one- or two-digit day, zone name or offset.
    private static final DateTimeFormatter RFC_822 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive().parseLenient()
            .optionalStart().appendPattern("EEE, ").optionalEnd()
            .appendPattern("d MMM uuuu HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .appendPattern(" ")
            .optionalStart().appendPattern("XX").optionalEnd()
            .optionalStart().appendPattern("z").optionalEnd()
            .toFormatter(Locale.ENGLISH);

    /** The earliest day an article may carry; the latest is one day after today (time zones run ahead). */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private PublishedDates() {
    }

    public static LocalDate latest(java.time.Instant now) {
        return now.atOffset(java.time.ZoneOffset.UTC).toLocalDate().plusDays(1);
    }

    public static boolean inRange(LocalDate date, LocalDate latest) {
        return !date.isBefore(EARLIEST) && !date.isAfter(latest);
    }

    /** The day a date or date-time text names, or null when it is none of the known layouts. */
    public static LocalDate parse(String text) {
        if (text == null) {
            return null;
        }
        String value = HeaderLines.normalise(text);
        if (value.isEmpty() || value.length() > 64) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toLocalDate();
        } catch (DateTimeParseException ignored) {
            // not ISO with an offset
        }
        try {
            return LocalDate.parse(value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value);
        } catch (DateTimeParseException ignored) {
            // not ISO
        }
        try {
            return ZonedDateTime.parse(value, RFC_822).toLocalDate();
        } catch (DateTimeParseException ignored) {
            // not RFC 822
        }
        return HeaderLines.spelledOutDate(value);
    }
}
