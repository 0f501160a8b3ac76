package dev.caravan.ingest.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.caravan.schema.FxTick;
import dev.caravan.schema.RawArticle;
import dev.caravan.schema.Topics;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Prints what would be published, one JSON object per record ({@code topic}, {@code key},
 * {@code value}), instead of sending it: for checking a file before it reaches Kafka.
 */
public final class DryRunSink implements RecordSink {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter out;

    public DryRunSink(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void publish(List<RawArticle> articles, List<FxTick> ticks) {
        for (RawArticle article : articles) {
            print(Topics.RAW_ARTICLES, article.getId(), article);
        }
        for (FxTick tick : ticks) {
            print(Topics.FX_TICKS, Topics.pairKey(tick.getBase(), tick.getQuote()), tick);
        }
        out.flush();
    }

    private void print(String topic, String key, SpecificRecord record) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("topic", topic);
        line.put("key", key);
        line.put("value", toJson(record));
        try {
            out.println(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record of plain values always serialises", e);
        }
    }

    /** The record's fields in schema order, with dates, instants and decimals as text. */
    static Map<String, Object> toJson(SpecificRecord record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = record.get(field.pos());
            if (value instanceof LocalDate || value instanceof Instant || value instanceof CharSequence) {
                value = value.toString();
            } else if (value instanceof BigDecimal decimal) {
                value = decimal.stripTrailingZeros().toPlainString();
            }
            fields.put(field.name(), value);
        }
        return fields;
    }
}
