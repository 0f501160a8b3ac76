package dev.caravan.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.caravan.ingest.parse.JsonRecordsParser.FieldError;
import java.util.List;

/** An RFC 9457 problem-details body; {@code errors} names each bad field of a rejected request. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    static Problem of(int status, String slug, String title, String detail) {
        return new Problem("https://caravan.dev/problems/" + slug, title, status, detail, List.of());
    }
}
