package dev.gansvc.engine.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A training setting a job may set: its name in the job's JSON, what it means, its range, and
 * the value that a spec stored before the setting existed stands for. Families declare which
 * ones they read ({@link ModelFamily#options()}); validation, the API document and the
 * catalogue are all made from these declarations.
 */
public sealed interface Option permits Option.Whole, Option.Real, Option.Choice {

    String name();

    String description();

    /** What a spec without this setting (stored before it existed) meant. */
    Object whenAbsent();

    /** Why {@code value} (a whole number, a Double or a String, as the kind says) is not allowed, if it is not. */
    Optional<String> problem(Object value);

    /** A whole number in [min, max]. */
    record Whole(String name, String description, int min, int max, Integer whenAbsent) implements Option {

        @Override
        public Optional<String> problem(Object value) {
            long v = ((Number) value).longValue();
            return v >= min && v <= max
                    ? Optional.empty()
                    : Optional.of("must be between %d and %d (was %d)".formatted(min, max, v));
        }
    }

    /** A real number between min and max, each end included or not. */
    record Real(
            String name,
            String description,
            double min,
            boolean minIncluded,
            double max,
            boolean maxIncluded,
            Double whenAbsent)
            implements Option {

        @Override
        public Optional<String> problem(Object value) {
            double v = (Double) value;
            boolean above = minIncluded ? v >= min : v > min;
            boolean below = maxIncluded ? v <= max : v < max;
            return above && below ? Optional.empty() : Optional.of("must be in " + range() + " (was " + v + ")");
        }

        /** The interval in mathematical notation, e.g. (0, 1]. */
        public String range() {
            return (minIncluded ? "[" : "(") + plain(min) + ", " + plain(max) + (maxIncluded ? "]" : ")");
        }

        private static String plain(double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
    }

    /** One of a fixed list of words. */
    record Choice(String name, String description, List<String> choices, String whenAbsent) implements Option {

        public Choice {
            choices = List.copyOf(choices);
        }

        @Override
        public Optional<String> problem(Object value) {
            return choices.contains(value)
                    ? Optional.empty()
                    : Optional.of("must be one of " + choices + " (was " + value + ")");
        }
    }
}
