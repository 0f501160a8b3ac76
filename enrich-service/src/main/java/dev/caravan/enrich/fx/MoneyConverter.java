package dev.caravan.enrich.fx;

import dev.caravan.enrich.money.MoneyAmount;
import dev.caravan.enrich.money.MoneyFacts;
import dev.caravan.schema.MoneyFact;
import dev.caravan.schema.MoneyKind;
import dev.caravan.schema.MoneyMention;
import dev.caravan.schema.UsdSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
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
                return mention.setUsd(cents(decimal(a.amount())).doubleValue()).setRate(1.0).setRateAsOf(null).build();
            }
            usdRate(a.currency(), articleDate).ifPresent(rate -> mention
                    .setUsd(cents(decimal(a.amount()).multiply(decimal(rate.usdPerUnit()))).doubleValue())
                    .setRate(rate.usdPerUnit())
                    .setRateAsOf(rate.asOf()));
            return mention.build();
        }).toList();
    }

    /**
     * One record per fact, in USD to the cent: dollars as stated, else a stated dollar equivalent
     * (the newsroom's own figure), else the amount at the day's rate, else the reason there is none.
     */
    public List<MoneyFact> convertFacts(List<MoneyFacts.Fact> facts, LocalDate articleDate) {
        List<MoneyFact> result = new ArrayList<>(facts.size());
        for (MoneyFacts.Fact fact : facts) {
            MoneyAmount first = fact.first();
            MoneyAmount equivalent = fact.equivalent();
            MoneyFact.Builder out = MoneyFact.newBuilder()
                    .setKind(MoneyKind.valueOf(first.kind().name()))
                    .setAmount(scaled(decimal(first.amount()), 6))
                    .setAmountMax(first.amountMax() == null ? null : scaled(decimal(first.amountMax()), 6))
                    .setCurrency(first.currency())
                    .setText(first.text())
                    .setQualifier(first.qualifier())
                    .setUnit(first.unit())
                    .setEquivalentAmount(equivalent == null ? null : scaled(decimal(equivalent.amount()), 6))
                    .setEquivalentCurrency(equivalent == null ? null : equivalent.currency())
                    .setMentions(fact.mentions().size());
            if (USD.equals(first.currency())) {
                out.setUsd(cents(decimal(first.amount()))).setUsdSource(UsdSource.DOLLARS);
            } else if (equivalent != null && USD.equals(equivalent.currency())) {
                out.setUsd(cents(decimal(equivalent.amount()))).setUsdSource(UsdSource.STATED);
            } else {
                Optional<UsdRate> rate = usdRate(first.currency(), articleDate);
                if (rate.isPresent()) {
                    BigDecimal perUnit = decimal(rate.get().usdPerUnit());
                    out.setUsd(cents(decimal(first.amount()).multiply(perUnit))).setUsdSource(UsdSource.RATE)
                            .setRate(scaled(perUnit, 12)).setRateAsOf(rate.get().asOf());
                } else {
                    out.setNoUsdReason("no " + first.currency() + "/USD tick within " + maxAgeDays + " days before " + articleDate);
                }
            }
            result.add(out.build());
        }
        return result;
    }

    /** The shortest decimal that reads back as the double: 4.2E9 is 4200000000 exactly, not 4199999999.99... */
    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value);
    }

    private static BigDecimal cents(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal scaled(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_EVEN);
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
