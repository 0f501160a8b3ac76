package dev.caravan.enrich.fx;

import dev.caravan.schema.FxTick;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;

/** Rates from the versioned store: the latest version at or before the end of the day asked for. */
public final class StoreFxRates implements FxRates {

    private final VersionedKeyValueStore<String, FxTick> store;

    public StoreFxRates(VersionedKeyValueStore<String, FxTick> store) {
        this.store = store;
    }

    @Override
    public Optional<FxQuote> asOf(String pair, LocalDate day) {
        long endOfDay = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
        VersionedRecord<FxTick> found = store.get(pair, endOfDay);
        if (found == null) {
            return Optional.empty();
        }
        return Optional.of(new FxQuote(found.value().getRate().doubleValue(), found.value().getAsOf()));
    }
}
