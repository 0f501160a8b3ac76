package dev.caravan.launcher;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Durations as people write them on a command line: "60" (seconds), "60s", "2m", "1h30m", "500ms" or ISO "PT3M". */
final class Durations implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    @Override
    public Duration convert(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (text.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        if (text.startsWith("pt") || text.startsWith("p")) {
            try {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw bad(value);
            }
        }
        Matcher m = PART.matcher(text);
        Duration total = Duration.ZERO;
        int at = 0;
        while (m.lookingAt()) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
            at = m.end();
            m.region(at, text.length());
        }
        if (at == 0 || at != text.length()) {
            throw bad(value);
        }
        return total;
    }

    private static CommandLine.TypeConversionException bad(String value) {
        return new CommandLine.TypeConversionException("'" + value + "' is not a duration (examples: 60, 60s, 2m, 1h30m, PT3M)");
    }
}
