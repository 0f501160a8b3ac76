package dev.caravan.ingest.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.caravan.ingest.identity.ArticleIdentity;
import dev.caravan.schema.FxTick;
import dev.caravan.schema.RawArticle;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads articles and FX ticks sent as JSON: one object, an array of objects, or NDJSON (one object
 * per line). Every element is checked field by field; each bad field is reported with the
 * element's index and line, so a newsroom system learns everything wrong with a batch at once.
 */
public final class JsonRecordsParser {

    /** What to expect from the elements: only articles, only ticks, or either (files, told apart by their fields). */
    public enum Expect { ARTICLES, TICKS, ANY }

    /** One bad field (or {@code $} for the element or the document itself). */
    public record FieldError(int index, int line, String field, String message) {
    }

    /** The records read; when {@code errors} is not empty a caller that wants all-or-nothing publishes none. */
    public record Result(List<RawArticle> articles, List<FxTick> ticks, List<FieldError> errors) {
        public int size() {
            return articles.size() + ticks.size();
        }
    }

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_TITLE = 1_000;
    private static final int RATE_SCALE = 10;
    private static final int RATE_INTEGER_DIGITS = 14;
    private static final Pattern RATE_TEXT = Pattern.compile("[+]?\\d{1,14}(?:\\.\\d{1,20})?(?:[eE][+-]?\\d{1,2})?|[+]?\\.\\d{1,20}");
    // Nesting is never needed here; bounding it keeps a hostile body from exhausting the stack.
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build()).build());

    public Result parse(String json, Expect expect, String defaultSource, Instant ingestedAt) {
        if (isNdjson(json)) {
            return parseLines(json, expect, defaultSource, ingestedAt);
        }
        return parseDocument(json, expect, defaultSource, ingestedAt);
    }

    /** One object per line, the first ending on its own line: NDJSON, where a broken line must not hide the rest. */
    private static boolean isNdjson(String text) {
        int firstEnd = text.indexOf('\n');
        if (firstEnd < 0) {
            return false;
        }
        String first = text.substring(0, firstEnd).strip();
        return first.startsWith("{") && first.endsWith("}") && text.substring(firstEnd + 1).stripLeading().startsWith("{");
    }

    /** Each line on its own: every valid line is used, every bad one named with its line number. */
    private Result parseLines(String text, Expect expect, String defaultSource, Instant ingestedAt) {
        List<RawArticle> articles = new ArrayList<>();
        List<FxTick> ticks = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int index = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            Result one = parseDocument(lines[i], expect, defaultSource, ingestedAt);
            articles.addAll(one.articles());
            ticks.addAll(one.ticks());
            for (FieldError e : one.errors()) {
                errors.add(new FieldError(index, i + 1, e.field(), e.message()));
            }
            index++;
        }
        return new Result(List.copyOf(articles), List.copyOf(ticks), List.copyOf(errors));
    }

    private Result parseDocument(String json, Expect expect, String defaultSource, Instant ingestedAt) {
        List<RawArticle> articles = new ArrayList<>();
        List<FxTick> ticks = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        int index = 0;
        try (JsonParser p = MAPPER.createParser(json)) {
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                if (token == JsonToken.START_ARRAY) {
                    while ((token = p.nextToken()) != JsonToken.END_ARRAY && token != null) {
                        int line = p.currentTokenLocation().getLineNr();
                        element(MAPPER.readTree(p), index++, line, expect, defaultSource, ingestedAt, articles, ticks, errors);
                    }
                } else {
                    int line = p.currentTokenLocation().getLineNr();
                    element(MAPPER.readTree(p), index++, line, expect, defaultSource, ingestedAt, articles, ticks, errors);
                }
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            errors.add(new FieldError(index, line, "$", "not valid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            errors.add(new FieldError(index, 0, "$", "cannot read: " + e.getMessage()));
        }
        if (index == 0 && errors.isEmpty()) {
            errors.add(new FieldError(0, 1, "$", "no records: expected a JSON object, an array of objects or NDJSON"));
        }
        return new Result(List.copyOf(articles), List.copyOf(ticks), List.copyOf(errors));
    }

    private void element(JsonNode node, int index, int line, Expect expect, String defaultSource, Instant ingestedAt,
                         List<RawArticle> articles, List<FxTick> ticks, List<FieldError> errors) {
        if (node == null || !node.isObject()) {
            errors.add(new FieldError(index, line, "$", "expected a JSON object"));
            return;
        }
        Fields f = new Fields(node, index, line, errors, PublishedDates.latest(ingestedAt));
        boolean tick = expect == Expect.TICKS || (expect == Expect.ANY && node.has("base") && node.has("rate"));
        if (tick) {
            FxTick record = tick(f, defaultSource);
            if (record != null) {
                ticks.add(record);
            }
        } else {
            RawArticle record = article(f, defaultSource, ingestedAt);
            if (record != null) {
                articles.add(record);
            }
        }
    }

    private RawArticle article(Fields f, String defaultSource, Instant ingestedAt) {
        int before = f.errors.size();
        String source = f.text("source", defaultSource, 200);
        String title = f.text("title", null, MAX_TITLE);
        String body = f.text("body", null, Integer.MAX_VALUE);
        String url = f.optionalText("url");
        if (url != null && !isAbsoluteHttp(url)) {
            f.error("url", "must be an absolute http(s) URL");
        }
        LocalDate published = f.date("publishedDate");
        Boolean truncated = f.optionalBoolean("truncated");
        Integer position = f.optionalPositiveInt("listingPosition");
        if (f.errors.size() > before) {
            return null;
        }
        return RawArticle.newBuilder()
                .setId(ArticleIdentity.articleId(source, url, title))
                .setSource(source)
                .setUrl(url == null ? null : ArticleIdentity.canonicalUrl(url))
                .setTitle(title)
                .setBody(body)
                .setTruncated(truncated != null ? truncated : HeaderLines.isTruncated(body))
                .setPublishedDate(published)
                .setIngestedAt(ingestedAt)
                .setContentHash(ArticleIdentity.contentHash(title, body))
                .setListingPosition(position)
                .build();
    }

    private FxTick tick(Fields f, String defaultSource) {
        int before = f.errors.size();
        String base = f.currency("base");
        String quote = f.currency("quote");
        BigDecimal rate = f.rate("rate");
        Double change = f.optionalNumber("changePct");
        LocalDate asOf = f.date("asOf");
        String source = f.text("source", defaultSource, 200);
        if (f.errors.size() > before) {
            return null;
        }
        return FxTick.newBuilder()
                .setBase(base)
                .setQuote(quote)
                .setRate(rate.setScale(RATE_SCALE, RoundingMode.HALF_EVEN))
                .setChangePct(change == null ? 0.0 : change)
                .setAsOf(asOf)
                .setSource(source)
                .build();
    }

    private static boolean isAbsoluteHttp(String url) {
        try {
            URI uri = new URI(url);
            return uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Field access that records what is wrong instead of throwing. */
    private record Fields(JsonNode node, int index, int line, List<FieldError> errors, LocalDate latestDate) {

        void error(String field, String message) {
            errors.add(new FieldError(index, line, field, message));
        }

        String text(String field, String fallback, int maxLength) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                if (fallback != null && !fallback.isBlank()) {
                    return fallback;
                }
                error(field, "is required");
                return null;
            }
            if (!v.isTextual()) {
                error(field, "must be a string");
                return null;
            }
            String text = v.textValue().strip();
            if (unpairedSurrogate(field, text)) {
                return null;
            }
            if (text.isEmpty()) {
                error(field, "must not be blank");
                return null;
            }
            if (text.length() > maxLength) {
                error(field, "is longer than " + maxLength + " characters");
                return null;
            }
            return text;
        }

        String optionalText(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isTextual()) {
                error(field, "must be a string");
                return null;
            }
            if (unpairedSurrogate(field, v.textValue())) {
                return null;
            }
            return v.textValue().isBlank() ? null : v.textValue().strip();
        }

        /** "\\ud800" alone is no character: stored, it became "?" and three titles got one id. */
        boolean unpairedSurrogate(String field, String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    error(field, String.format("contains an unpaired UTF-16 surrogate (\\u%04x at character %d); send valid Unicode",
                            (int) c, i));
                    return true;
                }
            }
            return false;
        }

        LocalDate date(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                error(field, "is required (an ISO date such as 2024-12-02, or a date-time with an offset)");
                return null;
            }
            LocalDate date = v.isTextual() ? PublishedDates.parse(v.textValue()) : null;
            if (date == null) {
                error(field, "must be an ISO date such as 2024-12-02 or a date-time with an offset");
            } else if (!PublishedDates.inRange(date, latestDate)) {
                error(field, "must be between " + PublishedDates.EARLIEST + " and " + latestDate + " (one day after today), not " + date);
                return null;
            }
            return date;
        }

        Boolean optionalBoolean(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isBoolean()) {
                error(field, "must be true or false");
                return null;
            }
            return v.booleanValue();
        }

        Integer optionalPositiveInt(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.canConvertToInt() || !v.isIntegralNumber() || v.intValue() < 1) {
                error(field, "must be a whole number from 1");
                return null;
            }
            return v.intValue();
        }

        Double optionalNumber(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                error(field, "must be a number");
                return null;
            }
            return v.doubleValue();
        }

        String currency(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                error(field, "is required (an ISO 4217 code such as KZT)");
                return null;
            }
            if (!v.isTextual() || !CURRENCY.matcher(v.textValue()).matches()) {
                error(field, "must be an ISO 4217 code of three capital letters, such as KZT");
                return null;
            }
            return v.textValue();
        }

        BigDecimal rate(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                error(field, "is required");
                return null;
            }
            // Digits and exponent are bounded before BigDecimal sees the text: "1e-16000000" cost 7 s of
            // CPU in setScale, and "1e-999999999" overflowed BigInteger.
            String written = v.isNumber() || v.isTextual() ? v.asText().strip() : "";
            if (!RATE_TEXT.matcher(written).matches()) {
                error(field, "must be a decimal number of at most 14 digits before and 20 after the point, "
                        + "exponent within ±20 (a JSON number or a string such as \"0.00192\")");
                return null;
            }
            BigDecimal rate;
            try {
                rate = new BigDecimal(written);
            } catch (NumberFormatException e) {
                rate = null;
            }
            if (rate == null) {
                error(field, "must be a decimal number (a JSON number or a string such as \"0.00192\")");
                return null;
            }
            if (rate.signum() <= 0) {
                error(field, "must be greater than 0");
                return null;
            }
            if (rate.precision() - rate.scale() > RATE_INTEGER_DIGITS) {
                error(field, "must have at most " + RATE_INTEGER_DIGITS + " digits before the decimal point");
                return null;
            }
            if (rate.setScale(RATE_SCALE, RoundingMode.HALF_EVEN).signum() == 0) {
                error(field, "is smaller than the 10 decimal places a rate keeps");
                return null;
            }
            return rate;
        }
    }
}
