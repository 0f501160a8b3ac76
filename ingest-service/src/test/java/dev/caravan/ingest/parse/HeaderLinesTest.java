package dev.caravan.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The fast header helpers answer exactly as the plain regex and exception-driven versions did. */
class HeaderLinesTest {

    private static final List<DateTimeFormatter> REFERENCE_FORMATS = List.of(
            formatter("d MMMM uuuu"), formatter("d MMM uuuu"), formatter("MMMM d, uuuu"),
            formatter("EEEE, d MMMM uuuu"), DateTimeFormatter.ISO_LOCAL_DATE,
            formatter("d.M.uuuu"), formatter("MMM'.' d, uuuu"), formatter("MMM d, uuuu"), formatter("d MMM'.' uuuu"),
            formatter("EEEE, MMMM d, uuuu"));

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH);
    }

    private static String referenceNormalise(String line) {
        String text = line.replace('\u00A0', ' ').replace('\u2007', ' ').replace('\u202F', ' ').replace("\uFEFF", "");
        return text.strip().replaceAll("[ \\t]{2,}", " ");
    }

    private static LocalDate referenceDate(String line) {
        if (line.length() > 40 || line.isEmpty() || !Character.isLetterOrDigit(line.charAt(0))) {
            return null;
        }
        for (DateTimeFormatter format : REFERENCE_FORMATS) {
            try {
                return LocalDate.parse(line, format);
            } catch (DateTimeParseException ignored) {
                // next
            }
        }
        return null;
    }

    @Provide
    Arbitrary<String> blanky() {
        return Arbitraries.strings().withChars(' ', '\t', '\u00A0', '\u2007', '\u202F', '\uFEFF', '\n', '\u2003',
                'a', 'Қ', '.', '•').ofMaxLength(12);
    }

    @Property(tries = 3000)
    void normaliseMatchesTheRegexVersion(@ForAll("blanky") String line) {
        assertThat(HeaderLines.normalise(line)).isEqualTo(referenceNormalise(line));
    }

    @Provide
    Arbitrary<String> datey() {
        return Arbitraries.oneOf(
                Arbitraries.of("02 December 2024", "2 Dec 2024", "December 2, 2024", "Monday, 2 December 2024",
                        "2024-12-02", "31 February 2024", "2024-02-30", "02 december 2024", "02 December 2024 extra",
                        "Budget 2025 Approved", "Viewing results 1 - 6 of 107", "02 Decem 2024", "Tuesday, 2 December 2024",
                        "19.08.2022", "Aug. 19, 2022", "Aug 19, 2022", "19 Aug. 2022", "Friday, August 19, 2022", "32.08.2022"),
                Arbitraries.strings().withChars("0123456789 -,DecmbrMonday").ofMaxLength(24));
    }

    @Property(tries = 2000)
    void dateMatchesTheExceptionVersion(@ForAll("datey") String line) {
        assertThat(HeaderLines.date(line)).isEqualTo(referenceDate(line));
    }

    @Test
    void theDateFormsTheRegionsSitesPrint() {
        LocalDate day = LocalDate.of(2022, 8, 19);
        for (String line : List.of("19.08.2022", "19.8.2022", "Aug. 19, 2022", "Aug 19, 2022", "19 Aug. 2022",
                "Friday, August 19, 2022", "19 August 2022", "2022-08-19")) {
            assertThat(HeaderLines.date(line)).as(line).isEqualTo(day);
        }
        assertThat(HeaderLines.date("32.08.2022")).isNull();
    }

    @Test
    void keepsALoneTabAndCollapsesRuns() {
        assertThat(HeaderLines.normalise("a\tb")).isEqualTo("a\tb");
        assertThat(HeaderLines.normalise("a \t b\u00A0\u00A0c\uFEFF")).isEqualTo("a b c");
        assertThat(HeaderLines.normalise("  plain  ")).isEqualTo("plain");
        String plain = "Nothing to change here.";
        assertThat(HeaderLines.normalise(plain)).isSameAs(plain);
    }
}
