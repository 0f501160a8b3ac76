package dev.caravan.ingest.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads a request body as UTF-8 text, at most {@code maxBytes}: a declared Content-Length above it
 * is refused before reading, and a chunked body is cut off as soon as it passes the limit. Memory
 * grows with what arrived, never with what was declared (80 connections declaring 10 MB and sending
 * 10 bytes once filled the heap), all requests together hold at most {@code maxInflightBytes}, and a
 * body that trickles in is cut off once {@code readTimeoutMs} have passed.
 */
final class BodyReader {

    private static final int CHUNK = 8192;

    private final long maxBytes;
    private final long maxInflightBytes;
    private final long readTimeoutNanos;
    private final int retryAfterSeconds;
    private final AtomicLong inflight = new AtomicLong();

    BodyReader(long maxBytes, long maxInflightBytes, long readTimeoutMs, int retryAfterSeconds) {
        this.maxBytes = maxBytes;
        this.maxInflightBytes = maxInflightBytes;
        this.readTimeoutNanos = readTimeoutMs * 1_000_000L;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    String read(long contentLength, InputStream in) throws IOException {
        if (contentLength > maxBytes) {
            throw tooLarge();
        }
        long deadline = System.nanoTime() + readTimeoutNanos;
        ByteArrayOutputStream out = new ByteArrayOutputStream(CHUNK);
        byte[] buffer = new byte[CHUNK];
        long held = 0;
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (System.nanoTime() > deadline) {
                    throw new ProblemException(Problem.of(408, "timeout", "Request timeout",
                            "the body did not arrive within " + readTimeoutNanos / 1_000_000 + " ms (ingest.api.read.timeout.ms)"),
                            Map.of("Connection", "close"));
                }
                if (held + n > maxBytes) {
                    throw tooLarge();
                }
                if (inflight.addAndGet(n) > maxInflightBytes) {
                    inflight.addAndGet(-n);
                    throw new ProblemException(Problem.of(503, "busy", "Service busy",
                            "the API holds " + maxInflightBytes + " bytes of requests already (ingest.api.max.inflight.bytes); "
                                    + "nothing was published, send the request again later"),
                            Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
                }
                held += n;
                out.write(buffer, 0, n);
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray())).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text; // a byte-order mark is tolerated
        } catch (CharacterCodingException e) {
            throw new ProblemException(Problem.of(400, "invalid-input", "Invalid input",
                    "the body is not UTF-8 text; nothing was published"));
        } finally {
            inflight.addAndGet(-held);
        }
    }

    private ProblemException tooLarge() {
        return new ProblemException(Problem.of(413, "too-large", "Request body too large",
                "the body is larger than " + maxBytes + " bytes (ingest.api.max.request.bytes); send smaller batches"));
    }
}
