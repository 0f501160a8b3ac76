package dev.caravan.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ahocorasick.trie.PayloadEmit;
import org.ahocorasick.trie.PayloadTrie;
import org.junit.jupiter.api.Test;

/** EntityTagger's overlap removal keeps exactly what the library's {@code ignoreOverlaps()} keeps. */
class OverlapRemovalTest {

    private static final List<String> WORDS = List.of("a", "b", "a b", "b a", "a b a", "b a b", "c", "a c", "c a b",
            "b c", "a b c a", "c c");

    private static String render(List<PayloadEmit<String>> emits) {
        return emits.stream().map(e -> e.getStart() + "-" + e.getEnd() + ":" + e.getKeyword()).toList().toString();
    }

    @Test
    void sameMatchesAsTheLibraryOnTextsFullOfOverlaps() {
        PayloadTrie.PayloadTrieBuilder<String> library = PayloadTrie.<String>builder().onlyWholeWords().ignoreOverlaps();
        PayloadTrie.PayloadTrieBuilder<String> all = PayloadTrie.<String>builder().onlyWholeWords();
        WORDS.forEach(w -> library.addKeyword(w, w));
        WORDS.forEach(w -> all.addKeyword(w, w));
        PayloadTrie<String> withRemoval = library.build();
        PayloadTrie<String> withOverlaps = all.build();
        Random random = new Random(3);
        String[] tokens = {"a", "b", "c", "d", ",", "."};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(14);
            for (int i = 0; i < length; i++) {
                text.append(tokens[random.nextInt(tokens.length)]).append(random.nextInt(5) == 0 ? "" : " ");
            }
            String t = text.toString();
            List<PayloadEmit<String>> expected = new ArrayList<>(withRemoval.parseText(t));
            List<PayloadEmit<String>> actual = EntityTagger.withoutOverlaps(new ArrayList<>(withOverlaps.parseText(t)), t.length());
            assertThat(render(actual)).as(t).isEqualTo(render(expected));
        }
    }
}
