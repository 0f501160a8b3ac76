package dev.caravan.enrich.tag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
    private final List<Token> tokens;
    /** joined[i]: only spaces between token i and token i + 1. */
    private final boolean[] joined;

    TextTokens(String text) {
        this.text = text;
        List<Token> found = new ArrayList<>(Math.max(16, text.length() / 5));
        int n = text.length();
        int i = 0;
        while (i < n) {
            char ch = text.charAt(i);
            if (ch < 128 && !ASCII_WORD[ch]) {
                i++; // the common case: space or punctuation
                continue;
            }
            int cp = Character.isHighSurrogate(ch) ? text.codePointAt(i) : ch;
            if (isUpper(cp) && (i + 1 >= n || text.charAt(i + 1) == '.' || Character.isHighSurrogate(ch))) {
                int initials = initials(text, i);
                if (initials > 0) {
                    found.add(new Token(i, initials, text));
                    i = initials;
                    continue;
                }
            }
            if (isWordChar(cp)) {
                int end = wordEnd(text, i);
                found.add(new Token(i, end, text));
                i = end;
            } else {
                i += Character.charCount(cp);
            }
        }
        this.tokens = Collections.unmodifiableList(found);
        this.joined = new boolean[found.size()];
        for (int t = 0; t + 1 < found.size(); t++) {
            boolean spaces = true;
            for (int c = found.get(t).end(); c < found.get(t + 1).start(); c++) {
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
        return tokens;
    }

    int size() {
        return tokens.size();
    }

    Token get(int i) {
        return tokens.get(i);
    }

    /** True when only spaces separate token i from token i + 1, so they can belong to one name. */
    boolean joined(int i) {
        return i >= 0 && i + 1 < tokens.size() && joined[i];
    }

    /** Whether {@link #after(int)} equals {@code gap}, without cutting it out. */
    boolean afterIs(int i, String gap) {
        int from = tokens.get(i).end();
        int end = i + 1 < tokens.size() ? tokens.get(i + 1).start() : text.length();
        return end - from == gap.length() && text.startsWith(gap, from);
    }

    /** Whether {@link #before(int)} equals {@code gap}, without cutting it out. */
    boolean beforeIs(int i, String gap) {
        int from = i > 0 ? tokens.get(i - 1).end() : 0;
        return tokens.get(i).start() - from == gap.length() && text.startsWith(gap, from);
    }

    /** The characters between token i and the next one (or the text's end). */
    String after(int i) {
        int end = i + 1 < tokens.size() ? tokens.get(i + 1).start() : text.length();
        return text.substring(tokens.get(i).end(), end);
    }

    /** The characters between the previous token (or the text's start) and token i. */
    String before(int i) {
        int start = i > 0 ? tokens.get(i - 1).end() : 0;
        return text.substring(start, tokens.get(i).start());
    }
}
