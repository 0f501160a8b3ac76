package dev.caravan.ingest.files;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** One input to ingest: a file, or a page or feed fetched over HTTP(S). */
public record InputDocument(String name, Path file, URI url) {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();

    public static InputDocument of(Path file) {
        return new InputDocument(file.toString(), file, null);
    }

    public static InputDocument of(URI url) {
        return new InputDocument(url.toString(), null, url);
    }

    /** Arguments that start with http:// or https:// are URLs; everything else is a path. */
    public static boolean isUrl(String argument) {
        String lower = argument.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** The base for relative links in HTML fetched from a URL. */
    public String baseUri() {
        return url == null ? null : url.toString();
    }

    /** The file name, or the URL's host without "www." ("steppe-herald.example"). */
    public String sourceHint() {
        if (url != null) {
            String host = url.getHost() == null ? "web" : url.getHost().toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        }
        return file.getFileName().toString();
    }

    /** The text, strictly UTF-8; an unreadable input throws with a reason fit for the user. */
    /** A page, feed or export larger than this is skipped by name: read whole, a 200 MB line exhausted the heap. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    public String read() throws IOException {
        byte[] bytes;
        if (url != null) {
            try {
                HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                        .header("User-Agent", "caravan-ingest").build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode());
                }
                bytes = response.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        } else {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new IOException(size + " bytes, over the " + MAX_BYTES + " bytes (64 MiB) one input may have");
            }
            bytes = Files.readAllBytes(file);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text", e);
        }
    }
}
