package dev.caravan.enrich.fx;

import java.time.LocalDate;

/** How many US dollars one unit of a currency was worth, and the day of the tick that said so. */
public record UsdRate(double usdPerUnit, LocalDate asOf) {
}
