package dev.caravan.enrich.money;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caravan.enrich.tag.Gazetteer;
import dev.caravan.schema.TextField;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Trying the patterns only where a match can start finds exactly what the plain search finds. */
class MoneyExtractorSearchTest {

    private final MoneyExtractor extractor = new MoneyExtractor(Gazetteer.bundled());

    @Test
    void sameMoneyAsThePlainSearchOnRandomMoneyLikeText() {
        String[] pieces = {"US$", "$", "€", "£", "₸", "KZT", "USD", "EUR", "US", "U", "1", "10", "1,500", "2.3", ",000", ".", ",",
                " ", "  ", "\n", "\t", "bn", "million", "m", "k", "tenge", "soums", "som", "of", "manat", "dollars", "a", "x_",
                "(", ")", "-", "RUB", "rubles", "euro"};
        Random random = new Random(11);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(12);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String t = text.toString();
            assertThat(extractor.extract(t, TextField.BODY)).as(t).isEqualTo(extractor.extractBySearch(t, TextField.BODY));
        }
    }
}
