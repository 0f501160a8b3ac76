package dev.caravan.enrich.tag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The words of one text with their offsets, as the context rules see them: initials ("O.J."),
 * hyphenated words ("Kassym-Jomart", "Issyk-Kul") and dotted names ("Orda.kz") are one word;
 * an apostrophe ends a word, so "Tokayev's" yields "Tokayev".
 * <p>
 * A word is what the regular expression {@code \p{Lu}\.(?:\p{Lu}\.)+|[\p{L}\p{N}]+(?:[-.&][\p{L}\p{N}]+)*}
 * matches; it is scanned by hand (a single pass over the characters), since the regex was a third of
 * the tagger's time (JFR). {@code TextTokensTest} checks the two agree.
 */
final class TextTokens {

    /** One word: where it is and whether it starts a sentence (worked out when asked: the rules rarely ask). */
    static final class Token {

        /** The word itself, cut from the source when first asked: the rules never ask for most words. */
        private String text;
        private final int start;
        private final int end;
        private final String source;

        Token(int start, int end, String source) {
            this.start = start;
            this.end = end;
            this.source = source;
        }

        String text() {
            String t = text;
            if (t == null) {
                t = source.substring(start, end);
                text = t;
            }
            return t;
        }

        int length() {
            return end - start;
        }

        int start() {
            return start;
        }

        int end() {
            return end;
        }

        boolean sentenceStart() {
            return startsSentence(source, start);
        }

        boolean capitalised() {
            return Character.isUpperCase(source.charAt(start));
        }

        @Override
        public String toString() {
            return text() + "@" + start;
        }
    }

    /** ASCII characters of {@code [\p{L}\p{N}]}. */
    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            ASCII_WORD[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII_WORD[c] = true;
            ASCII_WORD[Character.toUpperCase(c)] = true;
        }
    }

    private final String text;
    /** Token i spans starts[i] to ends[i]; count tokens. */
    private int[] starts;
    private int[] ends;
    private final int count;
    /** The words cut out so far (most are never asked for), and the Token views handed out. */
    private final String[] words;
    private Token[] views;
    /** joined[i]: only spaces between token i and token i + 1. */
    private final boolean[] joined;

    TextTokens(String text) {
        this.text = text;
        int capacity = Math.max(16, text.length() / 5);
        this.starts = new int[capacity];
        this.ends = new int[capacity];
        int found = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char ch = text.charAt(i);
            if (ch < 128 && !ASCII_WORD[ch]) {
                i++; // the common case: space or punctuation
                continue;
            }
            int cp = Character.isHighSurrogate(ch) ? text.codePointAt(i) : ch;
            int end = -1;
            if (isUpper(cp) && (i + 1 >= n || text.charAt(i + 1) == '.' || Character.isHighSurrogate(ch))) {
                end = initials(text, i);
            }
            if (end < 0 && isWordChar(cp)) {
                end = wordEnd(text, i);
            }
            if (end < 0) {
                i += Character.charCount(cp);
                continue;
            }
            if (found == starts.length) {
                starts = Arrays.copyOf(starts, found * 2);
                ends = Arrays.copyOf(ends, found * 2);
            }
            starts[found] = i;
            ends[found] = end;
            found++;
            i = end;
        }
        this.count = found;
        this.words = new String[found];
        this.joined = new boolean[found];
        for (int t = 0; t + 1 < found; t++) {
            boolean spaces = true;
            for (int c = ends[t], next = starts[t + 1]; c < next; c++) {
                if (text.charAt(c) != ' ') {
                    spaces = false;
                    break;
                }
            }
            joined[t] = spaces;
        }
    }

    /** The end of {@code \p{Lu}\.(?:\p{Lu}\.)+} at {@code at}, or -1. */
    static int initials(String text, int at) {
        int i = at;
        int pairs = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (!isUpper(cp) || next >= text.length() || text.charAt(next) != '.') {
                break;
            }
            i = next + 1;
            pairs++;
        }
        return pairs >= 2 ? i : -1;
    }

    /** The end of {@code [\p{L}\p{N}]+(?:[-.&][\p{L}\p{N}]+)*} at {@code at} (a word character). */
    private static int wordEnd(String text, int at) {
        int n = text.length();
        int i = at;
        while (true) {
            while (i < n) {
                char ch = text.charAt(i);
                if (ch < 128) {
                    if (!ASCII_WORD[ch]) {
                        break;
                    }
                    i++;
                    continue;
                }
                int cp = text.codePointAt(i);
                if (!isWordChar(cp)) {
                    break;
                }
                i += Character.charCount(cp);
            }
            if (i + 1 < n) {
                char sep = text.charAt(i);
                if ((sep == '-' || sep == '.' || sep == '&') && isWordChar(text.codePointAt(i + 1))) {
                    i++;
                    continue;
                }
            }
            return i;
        }
    }

    /** {@code \p{Lu}}. */
    private static boolean isUpper(int cp) {
        if (cp < 128) {
            return cp >= 'A' && cp <= 'Z';
        }
        return Character.getType(cp) == Character.UPPERCASE_LETTER;
    }

    /** {@code [\p{L}\p{N}]}. */
    private static boolean isWordChar(int cp) {
        if (cp < 128) {
            return ASCII_WORD[cp];
        }
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private static boolean startsSentence(String text, int at) {
        for (int i = at - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n' || c == '.' || c == '!' || c == '?' || c == ':' || c == ';') {
                return true;
            }
            if (!Character.isWhitespace(c) && c != '"' && c != '“' && c != '«' && c != '(' && c != '\'' && c != '‘') {
                return false;
            }
        }
        return true;
    }

    String text() {
        return text;
    }

    List<Token> all() {
        List<Token> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            all.add(get(i));
        }
        return Collections.unmodifiableList(all);
    }

    int size() {
        return count;
    }

    Token get(int i) {
        Objects.checkIndex(i, count);
        if (views == null) {
            views = new Token[count];
        }
        Token token = views[i];
        if (token == null) {
            token = new Token(starts[i], ends[i], text);
            views[i] = token;
        }
        return token;
    }

    int start(int i) {
        Objects.checkIndex(i, count);
        return starts[i];
    }

    int end(int i) {
        Objects.checkIndex(i, count);
        return ends[i];
    }

    int length(int i) {
        return end(i) - starts[i];
    }

    /** The word itself, cut out the first time it is asked for. */
    String text(int i) {
        String word = words[i];
        if (word == null) {
            word = text.substring(starts[i], ends[i]);
            words[i] = word;
        }
        return word;
    }

    boolean capitalised(int i) {
        return Character.isUpperCase(text.charAt(start(i)));
    }

    boolean sentenceStart(int i) {
        return startsSentence(text, start(i));
    }

    /** True when only spaces separate token i from token i + 1, so they can belong to one name. */
    boolean joined(int i) {
        return i >= 0 && i + 1 < count && joined[i];
    }

    /** Whether {@link #after(int)} equals {@code gap}, without cutting it out. */
    boolean afterIs(int i, String gap) {
        int from = end(i);
        int end = i + 1 < count ? starts[i + 1] : text.length();
        return end - from == gap.length() && text.startsWith(gap, from);
    }

    /** Whether {@link #before(int)} equals {@code gap}, without cutting it out. */
    boolean beforeIs(int i, String gap) {
        int from = i > 0 ? end(i - 1) : 0;
        return start(i) - from == gap.length() && text.startsWith(gap, from);
    }

    /** The characters between token i and the next one (or the text's end). */
    String after(int i) {
        int end = i + 1 < count ? starts[i + 1] : text.length();
        return text.substring(end(i), end);
    }

    /** The characters between the previous token (or the text's start) and token i. */
    String before(int i) {
        int start = i > 0 ? end(i - 1) : 0;
        return text.substring(start, start(i));
    }
}
