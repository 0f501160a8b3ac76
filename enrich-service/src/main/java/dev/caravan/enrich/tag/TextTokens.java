package dev.caravan.enrich.tag;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of one text with their offsets, as the context rules see them: initials ("O.J."),
 * hyphenated words ("Kassym-Jomart", "Issyk-Kul") and dotted names ("Orda.kz") are one word;
 * an apostrophe ends a word, so "Tokayev's" yields "Tokayev".
 */
final class TextTokens {

    private static final Pattern WORD = Pattern.compile(
            "\\p{Lu}\\.(?:\\p{Lu}\\.)+|[\\p{L}\\p{N}]+(?:[-.&][\\p{L}\\p{N}]+)*");

    /** One word: where it is and whether it starts a sentence. */
    record Token(String text, int start, int end, boolean sentenceStart) {

        boolean capitalised() {
            return Character.isUpperCase(text.charAt(0));
        }
    }

    private final String text;
    private final List<Token> tokens;

    TextTokens(String text) {
        this.text = text;
        List<Token> found = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            found.add(new Token(m.group(), m.start(), m.end(), startsSentence(text, m.start())));
        }
        this.tokens = List.copyOf(found);
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
        if (i + 1 >= tokens.size()) {
            return false;
        }
        for (int c = tokens.get(i).end(); c < tokens.get(i + 1).start(); c++) {
            if (text.charAt(c) != ' ') {
                return false;
            }
        }
        return true;
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
