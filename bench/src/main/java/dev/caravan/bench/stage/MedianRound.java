package dev.caravan.bench.stage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** Rounds of a path beside its baseline: the round with the median ratio stands for the run, all ratios give its spread. */
final class MedianRound {

    private MedianRound() {
    }

    static <T> T of(List<T> rounds, ToDoubleFunction<T> ratio) {
        List<T> byRatio = new ArrayList<>(rounds);
        byRatio.sort(Comparator.comparingDouble(ratio));
        return byRatio.get((byRatio.size() - 1) / 2);
    }

    /** "ratio by round: 0.41x, 0.52x, 0.47x (median shown)". */
    static <T> String spread(List<T> rounds, ToDoubleFunction<T> ratio) {
        return "ratio by round: " + rounds.stream().map(r -> String.format(Locale.ROOT, "%.2fx", ratio.applyAsDouble(r)))
                .collect(Collectors.joining(", ")) + (rounds.size() > 1 ? " (median shown)" : "");
    }
}
