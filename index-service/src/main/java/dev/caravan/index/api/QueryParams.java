package dev.caravan.index.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads single-valued query parameters and rejects bad ones with a problem naming the parameter. */
final class QueryParams {

    private final Map<String, List<String>> values;

    QueryParams(Map<String, List<String>> values, Set<String> allowed) {
        this.values = values;
        for (String name : values.keySet()) {
            if (!allowed.contains(name)) {
                throw ApiProblem.badParameter(name, "is not known here; use one of " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    /** The trimmed value, or null when absent or blank. */
    String text(String name, int maxLength) {
        List<String> list = values.get(name);
        if (list == null || list.isEmpty()) {
            return null;
        }
        if (list.size() > 1) {
            throw ApiProblem.badParameter(name, "is given " + list.size() + " times; give it once");
        }
        String value = list.get(0).strip();
        if (value.length() > maxLength) {
            throw ApiProblem.badParameter(name, "is longer than " + maxLength + " characters");
        }
        return value.isEmpty() ? null : value;
    }

    LocalDate date(String name) {
        String value = text(name, 10);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badParameter(name, "must be a date like 2024-12-02");
        }
    }

    int integer(String name, int defaultValue, int min, int max) {
        String value = text(name, 9);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.badParameter(name, "must be a whole number from " + min + " to " + max);
    }

    /** Checks that a date range runs forwards. */
    static void requireOrdered(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiProblem.badParameter("from", "is after 'to'");
        }
    }
}
