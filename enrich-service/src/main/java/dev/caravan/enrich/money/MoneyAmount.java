package dev.caravan.enrich.money;

import dev.caravan.schema.TextField;

/** A money mention found in text: what was written, where, and its normalised amount and ISO code. */
public record MoneyAmount(String text, TextField field, int start, int end, double amount, String currency) {
}
