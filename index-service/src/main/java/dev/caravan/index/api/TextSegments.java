package dev.caravan.index.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts text into segments for the page to render as text nodes: entity mentions (with their type,
 * for colour) and query hits become marked segments. The API returns structure, never HTML, so
 * nothing an article says can become markup in a browser.
 */
final class TextSegments {

    /** Marks OpenSearch puts around a query hit; control characters that news text does not contain. */
    static final String HIT_START = "\u0002";
    static final String HIT_END = "\u0003";

    private TextSegments() {
    }

    /** A mention of an entity, in offsets of one text field. */
    record Span(int start, int end, String type, String entity) {
    }

    /** The spans of a text field ("TITLE" or "BODY") from an article document's entities. */
    @SuppressWarnings("unchecked")
    static List<Span> spans(Map<String, Object> doc, String field) {
        List<Span> spans = new ArrayList<>();
        for (Map<String, Object> entity : (List<Map<String, Object>>) doc.getOrDefault("entities", List.of())) {
            for (Map<String, Object> mention : (List<Map<String, Object>>) entity.getOrDefault("mentions", List.of())) {
                if (field.equals(mention.get("field")) && mention.get("start") instanceof Number start
                        && mention.get("end") instanceof Number end) {
                    spans.add(new Span(start.intValue(), end.intValue(), (String) entity.get("type"), (String) entity.get("name")));
                }
            }
        }
        return spans;
    }

    /**
     * Segments of {@code text} cut at {@code limit} characters (at a word boundary, with an ellipsis),
     * with each non-overlapping span inside it marked.
     */
    static List<Map<String, Object>> withEntities(String text, List<Span> spans, int limit) {
        String shown = text == null ? "" : text;
        boolean cut = shown.length() > limit;
        if (cut) {
            int space = shown.lastIndexOf(' ', limit);
            shown = shown.substring(0, space > limit / 2 ? space : limit);
        }
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
        List<Map<String, Object>> segments = new ArrayList<>();
        int at = 0;
        for (Span span : sorted) {
            if (span.start() < at || span.start() >= span.end() || span.end() > shown.length()) {
                continue; // overlapping, empty, or beyond the cut: shown as plain text
            }
            if (span.start() > at) {
                segments.add(plain(shown.substring(at, span.start())));
            }
            Map<String, Object> marked = new LinkedHashMap<>();
            marked.put("text", shown.substring(span.start(), span.end()));
            marked.put("type", span.type());
            marked.put("entity", span.entity());
            segments.add(marked);
            at = span.end();
        }
        if (at < shown.length() || segments.isEmpty()) {
            segments.add(plain(shown.substring(at) + (cut ? " …" : "")));
        } else if (cut) {
            segments.add(plain(" …"));
        }
        return segments;
    }

    /** Segments of one highlighted fragment: {@code hit: true} where the query matched. */
    static List<Map<String, Object>> fromHighlight(String fragment) {
        List<Map<String, Object>> segments = new ArrayList<>();
        int at = 0;
        while (at < fragment.length()) {
            int start = fragment.indexOf(HIT_START, at);
            if (start < 0) {
                segments.add(hit(fragment.substring(at), false));
                break;
            }
            if (start > at) {
                segments.add(hit(fragment.substring(at, start), false));
            }
            int end = fragment.indexOf(HIT_END, start);
            if (end < 0) {
                end = fragment.length();
            }
            segments.add(hit(fragment.substring(start + 1, end), true));
            at = end + 1;
        }
        return segments;
    }

    private static Map<String, Object> plain(String text) {
        Map<String, Object> segment = new LinkedHashMap<>();
        segment.put("text", text);
        return segment;
    }

    private static Map<String, Object> hit(String text, boolean hit) {
        Map<String, Object> segment = new LinkedHashMap<>();
        segment.put("text", text.replace(HIT_START, "").replace(HIT_END, ""));
        segment.put("hit", hit);
        return segment;
    }
}
