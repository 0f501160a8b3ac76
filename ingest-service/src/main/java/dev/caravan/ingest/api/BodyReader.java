package dev.caravan.ingest.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request body as UTF-8 text, at most {@code maxBytes}: a declared Content-Length above it
 * is refused before reading, and a chunked body is cut off as soon as it passes the limit.
 */
final class BodyReader {

    private final long maxBytes;

    BodyReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    String read(long contentLength, InputStream in) throws IOException {
        if (contentLength > maxBytes) {
            throw tooLarge();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(contentLength > 0 ? (int) contentLength : 8192);
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
            if (total > maxBytes) {
                throw tooLarge();
            }
            out.write(buffer, 0, n);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(Problem.of(400, "invalid-input", "Invalid input",
                    "the body is not UTF-8 text; nothing was published"));
        }
    }

    private ProblemException tooLarge() {
        return new ProblemException(Problem.of(413, "too-large", "Request body too large",
                "the body is larger than " + maxBytes + " bytes; send smaller batches"));
    }
}
