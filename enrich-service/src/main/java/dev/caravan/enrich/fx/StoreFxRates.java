package dev.caravan.enrich.fx;

import dev.caravan.schema.FxTick;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;

/**
 * Rates from the versioned store: the latest version at or before the end of the day asked for.
 * <p>
 * With a change counter (bumped by {@link FxTickRecorder} after every tick it stores), answers are
 * remembered per pair and day until the next tick arrives: ticks are a few a day, articles thousands
 * a second, and each store read (RocksDB plus an Avro decode) showed in the stream thread's profile.
 * An answer is only remembered when no tick arrived while it was read, so a lookup never returns
 * less than the store held when the counter last moved.
 */
public final class StoreFxRates implements FxRates {

    private static final int MAX_REMEMBERED = 4096;

    private final VersionedKeyValueStore<String, FxTick> store;
    private final AtomicLong changes;
    private final Map<String, Optional<FxQuote>> remembered = new HashMap<>();
    private long rememberedAt = Long.MIN_VALUE;

    public StoreFxRates(VersionedKeyValueStore<String, FxTick> store) {
        this(store, null);
    }

    /** @param changes the recorder's change counter; null reads the store every time */
    public StoreFxRates(VersionedKeyValueStore<String, FxTick> store, AtomicLong changes) {
        this.store = store;
        this.changes = changes;
    }

    @Override
    public Optional<FxQuote> asOf(String pair, LocalDate day) {
        if (changes == null) {
            return read(pair, day);
        }
        long version = changes.get();
        if (version != rememberedAt || remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
            rememberedAt = version;
        }
        String key = pair + '@' + day.toEpochDay();
        Optional<FxQuote> quote = remembered.get(key);
        if (quote == null) {
            quote = read(pair, day);
            if (changes.get() == version) {
                remembered.put(key, quote);
            }
        }
        return quote;
    }

    private Optional<FxQuote> read(String pair, LocalDate day) {
        long endOfDay = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
        VersionedRecord<FxTick> found = store.get(pair, endOfDay);
        if (found == null) {
            return Optional.empty();
        }
        return Optional.of(new FxQuote(found.value().getRate().doubleValue(), found.value().getAsOf()));
    }
}
