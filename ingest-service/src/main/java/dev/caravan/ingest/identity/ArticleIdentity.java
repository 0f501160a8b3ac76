package dev.caravan.ingest.identity;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Stable ids, so that the same article sent twice (or re-scraped) gets the same Kafka key and
 * the same OpenSearch document id: a hash of source + canonical URL, or of source + normalised
 * title when there is no URL.
 */
public final class ArticleIdentity {

    private ArticleIdentity() {
    }

    public static String articleId(String source, String url, String title) {
        String basis = url != null && !url.isBlank()
                ? "url\n" + canonicalUrl(url)
                : "title\n" + normaliseTitle(title);
        return sha256(normaliseSource(source) + "\n" + basis).substring(0, 32);
    }

    /** Tells two revisions of one article apart (a truncated teaser and the full text). */
    public static String contentHash(String title, String body) {
        return sha256(title + "\n" + body);
    }

    /** Lower-cased scheme and host, no fragment, no trailing slash, no tracking parameters. */
    public static String canonicalUrl(String url) {
        try {
            URI uri = URI.create(url.strip()).normalize();
            String query = uri.getRawQuery() == null ? null : stripTracking(uri.getRawQuery());
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String scheme = uri.getScheme() == null ? "https" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            return scheme + "://" + host + port + path + (query == null || query.isEmpty() ? "" : "?" + query);
        } catch (IllegalArgumentException e) {
            return url.strip();
        }
    }

    /** Case, accents, quote styles, dashes and spacing do not make a different article. */
    public static String normaliseTitle(String title) {
        String folded = MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFKD)).replaceAll("");
        String text = folded.toLowerCase(Locale.ROOT);
        text = DASHES.matcher(text).replaceAll("-");
        text = QUOTES.matcher(text).replaceAll("");
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    // Compiled once: String.replaceAll compiled all four for every article (JFR, CLI bench).
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern DASHES = Pattern.compile("[\\p{Pd}]");
    private static final Pattern QUOTES = Pattern.compile("[\\p{Pi}\\p{Pf}\"'`]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static String normaliseSource(String source) {
        return source.strip().toLowerCase(Locale.ROOT);
    }

    private static String stripTracking(String query) {
        StringBuilder kept = new StringBuilder();
        for (String part : query.split("&")) {
            String name = part.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (name.startsWith("utm_") || name.equals("fbclid") || name.equals("gclid")) {
                continue;
            }
            if (kept.length() > 0) {
                kept.append('&');
            }
            kept.append(part);
        }
        return kept.toString();
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
