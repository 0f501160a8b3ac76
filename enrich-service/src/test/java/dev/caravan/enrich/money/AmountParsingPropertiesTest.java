package dev.caravan.enrich.money;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caravan.enrich.tag.Gazetteer;
import dev.caravan.schema.TextField;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Assertions;

/**
 * Amounts as newsrooms and hostile clients write them: whatever the text, the extractor answers
 * within a bounded time, every amount is finite and not negative, a range ends above its start, and
 * a number without a currency next to it is never money.
 */
class AmountParsingPropertiesTest {

    private static final MoneyExtractor EXTRACTOR = new MoneyExtractor(Gazetteer.bundled());

    @Provide
    Arbitrary<String> moneyLikeText() {
        Arbitrary<String> number = Arbitraries.oneOf(Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(400),
                Arbitraries.strings().withChars("0123456789,.").ofMinLength(1).ofMaxLength(40));
        Arbitrary<String> piece = Arbitraries.of("$", "US$", "€", "₸", "KZT ", " tenge", " soums", " som", " somoni", " manat",
                " million", " Billion", " bn", " trn", " mln", "-", " to ", " per ton", " a year", " (", ")", " or about ",
                " percent", " tons", " ", "\n", "e", "E+999999999");
        return Combinators.combine(number, piece.list().ofMaxSize(6), number, piece.list().ofMaxSize(6))
                .as((a, p, b, q) -> String.join("", p) + a + String.join("", q) + b);
    }

    @Property(tries = 500)
    void anyTextIsReadQuicklyAndEveryAmountIsSane(@ForAll("moneyLikeText") String text) {
        List<MoneyAmount> found = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> EXTRACTOR.extract(text, TextField.BODY));
        for (MoneyAmount m : found) {
            assertThat(m.amount()).as(text).isFinite().isNotNegative();
            if (m.amountMax() != null) {
                assertThat(m.amountMax()).as(text).isGreaterThan(m.amount());
            }
            assertThat(m.currency()).matches("[A-Z]{3}");
            assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text());
        }
        List<MoneyFacts.Fact> facts = MoneyFacts.group(found, "", text);
        assertThat(facts.stream().mapToInt(f -> f.mentions().size()).sum()).isEqualTo(found.size());
    }

    @Property(tries = 200)
    void numbersWithoutACurrencyAreNeverMoney(@ForAll("quantities") String text) {
        assertThat(EXTRACTOR.extract(text, TextField.BODY)).as(text).isEmpty();
    }

    @Provide
    Arbitrary<String> quantities() {
        return Combinators.combine(Arbitraries.integers().between(0, 1_000_000_000),
                        Arbitraries.of(" tons", " percent", "%", " ounces", " people", " years", " km", " MW", " million tons"))
                .as((n, unit) -> "The output reached " + n + unit + " in 2024.");
    }
}
