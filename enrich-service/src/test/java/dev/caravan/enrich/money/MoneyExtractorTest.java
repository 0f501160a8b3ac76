package dev.caravan.enrich.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.caravan.enrich.tag.Gazetteer;
import dev.caravan.schema.TextField;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyExtractorTest {

    private final MoneyExtractor extractor = new MoneyExtractor(Gazetteer.bundled());

    private List<MoneyAmount> extract(String text) {
        return extractor.extract(text, TextField.BODY);
    }

    @Test
    void amountWithScaleAndCurrencyWordAndItsDollarEquivalent() {
        String text = "embezzling over 1.5 billion tenge (US$3.1 million) intended for victims";
        assertThat(extract(text)).extracting(MoneyAmount::text, MoneyAmount::amount, MoneyAmount::currency)
                .containsExactly(tuple("1.5 billion tenge", 1.5e9, "KZT"), tuple("US$3.1 million", 3.1e6, "USD"));
        MoneyAmount first = extract(text).get(0);
        assertThat(text.substring(first.start(), first.end())).isEqualTo("1.5 billion tenge");
    }

    @Test
    void theFormsNewsroomsWrite() {
        assertThat(extract("ordered to return $10,000, and banned")).singleElement()
                .extracting(MoneyAmount::amount, MoneyAmount::currency).containsExactly(10_000.0, "USD");
        assertThat(extract("estimated at 600 million KZT ($1.2 million).")).extracting(MoneyAmount::amount, MoneyAmount::currency)
                .containsExactly(tuple(6e8, "KZT"), tuple(1.2e6, "USD"));
        assertThat(extract("a loan of KZT 2.3bn")).singleElement()
                .extracting(MoneyAmount::amount, MoneyAmount::currency).containsExactly(2.3e9, "KZT");
        assertThat(extract("fined 5 million soums")).singleElement()
                .extracting(MoneyAmount::amount, MoneyAmount::currency).containsExactly(5e6, "UZS");
        assertThat(extract("expects €2 million in grants")).singleElement()
                .extracting(MoneyAmount::amount, MoneyAmount::currency).containsExactly(2e6, "EUR");
        assertThat(extract("reserves rose by 500 million soms")).singleElement()
                .extracting(MoneyAmount::currency).isEqualTo("KGS");
    }

    @Test
    void russianStyleScalesAndTheManatOfTheArticlesCountry() {
        assertThat(extract("costing it KZT 300 mln and $2.4 bln")).extracting(MoneyAmount::amount, MoneyAmount::currency)
                .containsExactly(tuple(3e8, "KZT"), tuple(2.4e9, "USD"));
        assertThat(SharedCurrencyWords.resolve("TMT", "40,000 manats", java.util.Set.of("Azerbaijan"))).isEqualTo("AZN");
        assertThat(SharedCurrencyWords.resolve("TMT", "40,000 manats", java.util.Set.of("Turkmenistan", "Azerbaijan"))).isEqualTo("TMT");
        assertThat(SharedCurrencyWords.resolve("KZT", "5 tenge", java.util.Set.of("Azerbaijan"))).isEqualTo("KZT");
    }

    @Test
    void percentagesYearsAndBareNumbersAreNotMoney() {
        assertThat(extract("rate at 9% in 2024; 30,000 passengers; 3.5 years; a fee of 8%")).isEmpty();
    }
}
