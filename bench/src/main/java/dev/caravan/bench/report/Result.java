package dev.caravan.bench.report;

/**
 * One measured figure beside its baseline from the same run. {@code ratio} is value / baseline
 * (null without a baseline). {@code goal} is the aimed figure: a ratio for {@link Goal#MIN_RATIO},
 * otherwise a bound on the value itself; null when the line is for information.
 */
public record Result(String name, double value, String unit, Double baseline, Double ratio, Double goal, Goal goalKind,
                     String note) {

    public enum Goal {
        /** ratio >= goal */
        MIN_RATIO,
        /** value >= goal */
        MIN_VALUE,
        /** value <= goal */
        MAX_VALUE,
        /** ratio <= goal (a cost against a baseline's cost) */
        MAX_RATIO
    }

    /** A figure against a baseline; the ratio is computed here, null when the baseline is zero. */
    public static Result vsBaseline(String name, double value, double baseline, String unit, Double goalRatio, String note) {
        Double ratio = baseline == 0 ? null : value / baseline;
        return new Result(name, value, unit, baseline, ratio, goalRatio, goalRatio == null ? null : Goal.MIN_RATIO, note);
    }

    /** A figure against a baseline with a goal of any kind on the ratio (MIN_RATIO or MAX_RATIO). */
    public static Result vsBaseline(String name, double value, double baseline, String unit, double goalRatio, Goal kind, String note) {
        Double ratio = baseline == 0 ? null : value / baseline;
        return new Result(name, value, unit, baseline, ratio, goalRatio, kind, note);
    }

    /** A figure without a baseline, optionally with a bound on the value. */
    public static Result absolute(String name, double value, String unit, Double goal, Goal kind, String note) {
        return new Result(name, value, unit, null, null, goal, goal == null ? null : kind, note);
    }

    /** Met, missed, or null when there is no goal or nothing to compare. */
    public Boolean met() {
        if (goal == null || goalKind == null) {
            return null;
        }
        return switch (goalKind) {
            case MIN_RATIO -> ratio == null ? null : ratio >= goal;
            case MIN_VALUE -> value >= goal;
            case MAX_VALUE -> value <= goal;
            case MAX_RATIO -> ratio == null ? null : ratio <= goal;
        };
    }
}
