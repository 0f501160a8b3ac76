package dev.caravan.ingest.parse;

import java.util.Locale;

/** The kinds of input the ingest service reads, told apart by the content (the file name only breaks ties). */
public enum InputFormat {
    PAGE_DUMP, HTML, FEED, JSON, NDJSON, UNKNOWN;

    private static final int SNIFF = 4096;

    public static InputFormat detect(String name, String text) {
        String lowerName = name == null ? "" : name.toLowerCase(Locale.ROOT);
        String head = text.substring(0, Math.min(text.length(), SNIFF)).replace("\uFEFF", "").stripLeading();
        String lowerHead = head.toLowerCase(Locale.ROOT);
        if (head.startsWith("<")) {
            if (lowerHead.contains("<rss") || lowerHead.contains("<feed") || lowerHead.contains("<rdf:rdf")) {
                return FEED;
            }
            if (lowerHead.contains("<html") || lowerHead.contains("<!doctype html") || lowerHead.contains("<body")
                    || lowerHead.contains("<article") || lowerHead.contains("<div")) {
                return HTML;
            }
            return lowerName.endsWith(".xml") || lowerName.endsWith(".rss") || lowerName.endsWith(".atom") ? FEED : HTML;
        }
        if (head.startsWith("[")) {
            return JSON;
        }
        if (head.startsWith("{")) {
            // NDJSON puts the next object at the start of a line; one pretty-printed object does not.
            return lowerName.endsWith(".ndjson") || lowerName.endsWith(".jsonl") || head.matches("(?s)\\{[^\\n]*}\\s*\\n\\s*\\{.*")
                    ? NDJSON : JSON;
        }
        if (PageDumpParser.looksLikePageDump(head)) {
            return PAGE_DUMP;
        }
        return lowerName.endsWith(".txt") ? PAGE_DUMP : UNKNOWN;
    }
}
