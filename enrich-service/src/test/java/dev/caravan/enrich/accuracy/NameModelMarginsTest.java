package dev.caravan.enrich.accuracy;

import dev.caravan.enrich.tag.EntityTagger;
import dev.caravan.enrich.tag.Gazetteer;
import dev.caravan.enrich.tag.NameModel;
import dev.caravan.enrich.tag.NameModelTrainer;
import dev.caravan.schema.Entity;
import dev.caravan.schema.EntityType;
import dev.caravan.schema.Mention;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * How the margins of {@link EntityTagger#MODEL_MIN_MARGINS} were chosen, on the development set only:
 * each development file (a source) is held out in turn, the model trained on the others, and the
 * tagger scored on the held-out file for each candidate margin per type. Run on demand, it takes a
 * minute: {@code ./mvnw -pl enrich-service test -Dtest=NameModelMarginsTest -Dcaravan.ner.cv=true}.
 */
class NameModelMarginsTest {

    private static final double[] MARGINS = {Double.NaN, 0, 5, 10, 20, 40, 80, 160};
    private static final List<EntityType> TYPES = List.of(EntityType.PERSON, EntityType.LOCATION, EntityType.ORGANIZATION);

    @Test
    void crossValidateTheModelMargins() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("caravan.ner.cv"), "on demand: -Dcaravan.ner.cv=true");
        List<NameModelTrainer.GoldText> dev = NameModelTrainer.read(Path.of("src/test/resources/realnews"));
        List<String> files = dev.stream().map(NameModelTrainer.GoldText::file).distinct().sorted().toList();
        Gazetteer gazetteer = Gazetteer.bundled();
        // per type and margin: true positives, false positives, misses, over all folds
        Map<EntityType, Map<Double, int[]>> counts = new LinkedHashMap<>();
        TYPES.forEach(t -> counts.put(t, new LinkedHashMap<>()));
        Map<EntityType, Map<Double, int[]>> vetoCounts = new LinkedHashMap<>();
        TYPES.forEach(t -> vetoCounts.put(t, new LinkedHashMap<>()));
        for (String heldOut : files) {
            NameModel model = NameModelTrainer.train(dev.stream().filter(a -> !a.file().equals(heldOut)).toList());
            for (double margin : MARGINS) {
                Map<EntityType, Double> margins = new LinkedHashMap<>();
                if (!Double.isNaN(margin)) {
                    TYPES.forEach(t -> margins.put(t, margin));
                }
                EntityTagger tagger = new EntityTagger(gazetteer, model, Map.of(),
                        Double.isNaN(margin) ? null : margin); // the veto
                for (NameModelTrainer.GoldText article : dev.stream().filter(a -> a.file().equals(heldOut)).toList()) {
                    score(tagger.tag(article.title(), article.body()), article, vetoCounts, margin);
                }
                tagger = new EntityTagger(gazetteer, model, margins, null);
                for (NameModelTrainer.GoldText article : dev.stream().filter(a -> a.file().equals(heldOut)).toList()) {
                    score(tagger.tag(article.title(), article.body()), article, counts, margin);
                }
            }
        }
        System.out.println("model adds names\n" + table(counts) + "\nmodel vetoes rule names\n" + table(vetoCounts));
    }

    private static String table(Map<EntityType, Map<Double, int[]>> counts) {
        StringBuilder table = new StringBuilder("type\tmargin\tP\tR\tF1\n");
        counts.forEach((type, byMargin) -> byMargin.forEach((margin, c) -> {
            double p = c[0] / (double) Math.max(1, c[0] + c[1]);
            double r = c[0] / (double) Math.max(1, c[0] + c[2]);
            table.append(String.format(Locale.ROOT, "%s\t%s\t%.3f\t%.3f\t%.3f%n", type,
                    Double.isNaN(margin) ? "off" : margin, p, r, p + r == 0 ? 0 : 2 * p * r / (p + r)));
        }));
        return table.toString();
    }

    private static void score(List<Entity> found, NameModelTrainer.GoldText article, Map<EntityType, Map<Double, int[]>> counts,
                              double margin) {
        for (EntityType type : TYPES) {
            int[] c = counts.get(type).computeIfAbsent(margin, m -> new int[3]);
            List<String> gold = new ArrayList<>(article.names().stream().filter(n -> n.getKey() == type)
                    .map(n -> RealNewsAccuracyTest.normal(n.getValue())).toList());
            for (Entity e : found) {
                if (e.getType() != type) {
                    continue;
                }
                Set<String> names = e.getMentions().stream().map(Mention::getText).map(RealNewsAccuracyTest::normal)
                        .collect(Collectors.toSet());
                names.add(RealNewsAccuracyTest.normal(e.getName()));
                String match = gold.stream().filter(names::contains).findFirst().orElse(null);
                if (match != null) {
                    gold.remove(match);
                    c[0]++;
                } else {
                    c[1]++;
                }
            }
            c[2] += gold.size();
        }
    }
}
