package dev.caravan.enrich.money;

import dev.caravan.schema.TextField;

/**
 * A money mention found in text: what was written, where, and its normalised amount and ISO code.
 *
 * @param amountMax the upper end of a range ("$2-3 billion"), else null
 * @param qualifier "over", "about", "nearly"... as written before the amount, else null
 * @param kind      AMOUNT, RANGE or PRICE (a per-unit price, never summed)
 * @param unit      for a price, what it is per ("ton"), else null
 */
public record MoneyAmount(String text, TextField field, int start, int end, double amount, String currency,
                          Double amountMax, String qualifier, Kind kind, String unit) {

    public enum Kind { AMOUNT, RANGE, PRICE }

    public MoneyAmount(String text, TextField field, int start, int end, double amount, String currency) {
        this(text, field, start, end, amount, currency, null, null, Kind.AMOUNT, null);
    }

    /** The amount read as hundredths: "80 dirams" is 0.80 somoni. */
    public MoneyAmount hundredth() {
        return new MoneyAmount(text, field, start, end, amount / 100, currency, amountMax == null ? null : amountMax / 100,
                qualifier, kind, unit);
    }

    public MoneyAmount withCurrency(String code) {
        return new MoneyAmount(text, field, start, end, amount, code, amountMax, qualifier, kind, unit);
    }
}
