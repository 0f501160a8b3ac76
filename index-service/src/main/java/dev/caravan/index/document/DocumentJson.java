package dev.caravan.index.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.caravan.index.bulk.OpenSearchClients;
import java.util.Map;

/**
 * A document serialised to JSON text where its batch is built, with the client's own mapper
 * settings. The bulk request then only copies the text: only one bulk is in flight at a time, so
 * serialising while building the request kept OpenSearch waiting; the consumer thread does it
 * while the previous bulk runs.
 */
public final class DocumentJson {

    private static final ObjectWriter WRITER = OpenSearchClients.objectMapper().writer();

    private DocumentJson() {
    }

    public static RawValue of(Map<String, Object> document) {
        try {
            return new RawValue(WRITER.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            // The maps hold strings, numbers, booleans and lists of them: nothing Jackson cannot write.
            throw new IllegalStateException("cannot serialise a document: " + e.getMessage(), e);
        }
    }
}
