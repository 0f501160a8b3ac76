package dev.caravan.enrich.accuracy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** True/false positives and misses per label, micro-averaged, and the errors behind them. */
final class Scoreboard {

    /** Counts of one label; precision and recall are 1 when there was nothing to find or claim. */
    record Counts(int truePositives, int falsePositives, int falseNegatives) {

        double precision() {
            int claimed = truePositives + falsePositives;
            return claimed == 0 ? 1 : (double) truePositives / claimed;
        }

        double recall() {
            int gold = truePositives + falseNegatives;
            return gold == 0 ? 1 : (double) truePositives / gold;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();

    Scoreboard() {
        for (String label : List.of("PERSON", "LOCATION", "ORGANIZATION", "CURRENCY", "MONEY")) {
            counts.put(label, new int[3]);
        }
    }

    void hit(String label) {
        counts.computeIfAbsent(label, l -> new int[3])[0]++;
    }

    void spurious(String label, String article, String what) {
        counts.computeIfAbsent(label, l -> new int[3])[1]++;
        errors.add(article + "\tFP\t" + label + "\t" + what);
    }

    void missed(String label, String article, String what) {
        counts.computeIfAbsent(label, l -> new int[3])[2]++;
        errors.add(article + "\tFN\t" + label + "\t" + what);
    }

    Counts counts(String label) {
        int[] c = counts.getOrDefault(label, new int[3]);
        return new Counts(c[0], c[1], c[2]);
    }

    List<String> errors() {
        return errors;
    }

    String table() {
        StringBuilder out = new StringBuilder("| type | gold | found | correct | precision | recall | F1 |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        counts.keySet().stream().filter(label -> !label.equals("USD")).forEach(label -> { // USD has its own line
            Counts c = counts(label);
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.3f | %.3f | %.3f |%n", label,
                    c.truePositives() + c.falseNegatives(), c.truePositives() + c.falsePositives(), c.truePositives(),
                    c.precision(), c.recall(), c.f1()));
        });
        return out.toString();
    }
}
