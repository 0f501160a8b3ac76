package dev.caravan.enrich.fx;

import dev.caravan.schema.FxTick;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Rates from ticks held in memory, e.g. the ticker of the page being tagged offline. */
public final class TickListRates implements FxRates {

    private final List<FxTick> ticks;

    public TickListRates(List<FxTick> ticks) {
        this.ticks = List.copyOf(ticks);
    }

    @Override
    public Optional<FxQuote> asOf(String pair, LocalDate day) {
        return ticks.stream()
                .filter(t -> pair.equals(t.getBase() + "/" + t.getQuote()) && !t.getAsOf().isAfter(day))
                .max(Comparator.comparing(FxTick::getAsOf))
                .map(t -> new FxQuote(t.getRate().doubleValue(), t.getAsOf()));
    }
}
