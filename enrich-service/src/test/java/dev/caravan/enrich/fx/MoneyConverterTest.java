package dev.caravan.enrich.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caravan.enrich.money.MoneyAmount;
import dev.caravan.schema.FxTick;
import dev.caravan.schema.MoneyMention;
import dev.caravan.schema.TextField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyConverterTest {

    private static FxTick tick(String base, String quote, String rate, LocalDate day) {
        return FxTick.newBuilder().setBase(base).setQuote(quote).setRate(new BigDecimal(rate).setScale(10))
                .setChangePct(0).setAsOf(day).setSource("test").build();
    }

    private static MoneyAmount money(double amount, String currency) {
        return new MoneyAmount("x", TextField.BODY, 0, 1, amount, currency);
    }

    private final LocalDate dec2 = LocalDate.of(2024, 12, 2);
    private final TickListRates rates = new TickListRates(List.of(
            tick("KZT", "USD", "0.00192", dec2),
            tick("KZT", "USD", "0.00190", dec2.plusDays(1)),
            tick("USD", "RUB", "100", dec2)));

    @Test
    void usesTheRateOfTheArticlesOwnDayNotALaterOne() {
        MoneyMention m = new MoneyConverter(rates, 7).convert(List.of(money(1_000_000, "KZT")), dec2).get(0);
        assertThat(m.getUsd()).isEqualTo(1920.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(m.getRate()).isEqualTo(0.00192);
        assertThat(m.getRateAsOf()).isEqualTo(dec2);

        MoneyMention later = new MoneyConverter(rates, 7).convert(List.of(money(1_000_000, "KZT")), dec2.plusDays(5)).get(0);
        assertThat(later.getRateAsOf()).isEqualTo(dec2.plusDays(1));
    }

    @Test
    void noTickOnOrBeforeTheDayOrTooOldMeansNoUsd() {
        MoneyConverter converter = new MoneyConverter(rates, 7);
        assertThat(converter.convert(List.of(money(5, "KZT")), dec2.minusDays(1)).get(0).getUsd()).isNull();
        assertThat(converter.convert(List.of(money(5, "KZT")), dec2.plusDays(30)).get(0).getUsd()).isNull();
        assertThat(converter.convert(List.of(money(5, "UZS")), dec2).get(0).getUsd()).isNull();
    }

    @Test
    void inverseQuotesAndDollarsKeepTheirValue() {
        MoneyConverter converter = new MoneyConverter(rates, 7);
        assertThat(converter.convert(List.of(money(1000, "RUB")), dec2).get(0).getUsd()).isEqualTo(10.0);
        MoneyMention usd = converter.convert(List.of(money(3.1e6, "USD")), dec2).get(0);
        assertThat(usd.getUsd()).isEqualTo(3.1e6);
        assertThat(usd.getRate()).isEqualTo(1.0);
    }
}
