package dev.caravan.enrich.fx;

import java.time.LocalDate;
import java.util.Optional;

/** Rates as they were known on a day: the latest tick on or before it, never a later one. */
public interface FxRates {

    /** The tick of {@code pair} (e.g. "KZT/USD") valid on {@code day}, if any. */
    Optional<FxQuote> asOf(String pair, LocalDate day);

    /** A tick's rate (units of quote per unit of base) and its day. */
    record FxQuote(double rate, LocalDate asOf) {
    }
}
