package dev.caravan.enrich.fx;

import dev.caravan.enrich.money.MoneyAmount;
import dev.caravan.schema.MoneyMention;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Converts money to USD at the rate of the article's own day: the latest tick on or before it,
 * and not older than {@code maxAgeDays}. No such tick: {@code usd} stays null, never a guess.
 */
public final class MoneyConverter {

    private static final String USD = "USD";

    private final FxRates rates;
    private final int maxAgeDays;

    public MoneyConverter(FxRates rates, int maxAgeDays) {
        this.rates = rates;
        this.maxAgeDays = maxAgeDays;
    }

    public List<MoneyMention> convert(List<MoneyAmount> amounts, LocalDate articleDate) {
        return amounts.stream().map(a -> {
            MoneyMention.Builder mention = MoneyMention.newBuilder()
                    .setText(a.text()).setAmount(a.amount()).setCurrency(a.currency());
            if (USD.equals(a.currency())) {
                return mention.setUsd(a.amount()).setRate(1.0).setRateAsOf(null).build();
            }
            usdRate(a.currency(), articleDate).ifPresent(rate -> mention
                    .setUsd(a.amount() * rate.usdPerUnit())
                    .setRate(rate.usdPerUnit())
                    .setRateAsOf(rate.asOf()));
            return mention.build();
        }).toList();
    }

    /** C/USD directly, else the inverse of USD/C. */
    Optional<UsdRate> usdRate(String currency, LocalDate day) {
        Optional<UsdRate> direct = rates.asOf(currency + "/" + USD, day)
                .filter(q -> fresh(q, day) && q.rate() > 0)
                .map(q -> new UsdRate(q.rate(), q.asOf()));
        if (direct.isPresent()) {
            return direct;
        }
        return rates.asOf(USD + "/" + currency, day)
                .filter(q -> fresh(q, day) && q.rate() > 0)
                .map(q -> new UsdRate(1.0 / q.rate(), q.asOf()));
    }

    private boolean fresh(FxRates.FxQuote quote, LocalDate day) {
        return !quote.asOf().isBefore(day.minusDays(maxAgeDays));
    }
}
