package dev.caravan.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The hand-written word scanner finds exactly the words the original regular expression found. */
class TextTokensTest {

    private static final Pattern WORD = Pattern.compile(
            "\\p{Lu}\\.(?:\\p{Lu}\\.)+|[\\p{L}\\p{N}]+(?:[-.&][\\p{L}\\p{N}]+)*");

    private static List<String> byRegex(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.start() + ":" + m.group());
        }
        return words;
    }

    private static List<String> byScanner(String text) {
        return new TextTokens(text).all().stream().map(t -> t.start() + ":" + t.text()).toList();
    }

    @Test
    void initialsHyphensDotsApostrophesAndNonAsciiText() {
        String text = "O.J. Simpson met U.S. officials in Issyk-Kul; Orda.kz said Tokayev's A.b plan "
                + "cost 1,500.5 bn AT&T ‒ Öskemen, Нур-Султан, 𝐀𝐁 ²3 Ⅻ x- -y U.S.A A. B. E.U.";
        assertThat(byScanner(text)).isEqualTo(byRegex(text));
        assertThat(byScanner("")).isEmpty();
    }

    @Test
    void randomTextFromAnAlphabetOfTrickyCharacters() {
        String alphabet = "aZ.-&' \n9ÖöЖж𝐀²Ⅻ,(";
        int[] cps = alphabet.codePoints().toArray();
        Random random = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(20);
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(cps[random.nextInt(cps.length)]);
            }
            assertThat(byScanner(text.toString())).as(text.toString()).isEqualTo(byRegex(text.toString()));
        }
    }

    @Test
    void lowerCompoundAgreesWithItsRegex() {
        Pattern lowerCompound = Pattern.compile(".*-\\p{Ll}+");
        String alphabet = "aZ-ö\nЖж.";
        int[] cps = alphabet.codePoints().toArray();
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder word = new StringBuilder();
            int length = 1 + random.nextInt(8);
            for (int i = 0; i < length; i++) {
                word.appendCodePoint(cps[random.nextInt(cps.length)]);
            }
            assertThat(ContextRules.lowerCompound(word.toString())).as(word.toString())
                    .isEqualTo(lowerCompound.matcher(word).matches());
        }
    }

    @Test
    void theAccuracyCorpus() throws IOException, URISyntaxException {
        Path folder = Path.of(TextTokensTest.class.getResource("/accuracy/").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                assertThat(byScanner(text)).isEqualTo(byRegex(text));
            }
        }
    }
}
