package dev.caravan.enrich.tag;

import java.util.List;

/**
 * Where the first of several fixed words stands in a text. The recognisers look for their cue words
 * this way and run their regexes only around them: a regex over the whole text that starts with an
 * alternation or a look-behind costs a try at every character (JFR).
 */
public final class Occurrences {

    private Occurrences() {
    }

    /** The index of the earliest occurrence at or after {@code from} of any of {@code words}, or -1. */
    public static int first(String text, List<String> words, int from) {
        int best = -1;
        for (String word : words) {
            int at = text.indexOf(word, from);
            if (at >= 0 && (best < 0 || at < best)) {
                best = at;
            }
        }
        return best;
    }
}
