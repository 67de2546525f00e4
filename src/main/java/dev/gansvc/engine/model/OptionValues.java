package dev.gansvc.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of the family options of one run, by option; what an objective reads its
 * settings from. Immutable.
 */
public final class OptionValues {

    public static final OptionValues NONE = new OptionValues(Map.of());

    private final Map<String, Object> values;

    private OptionValues(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Values by option name: Integer for whole, Double for real, String for choice options. */
    public static OptionValues of(Map<String, Object> values) {
        return new OptionValues(values);
    }

    public OptionValues with(Option option, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(option.name(), value);
        return new OptionValues(copy);
    }

    public int get(Option.Whole option) {
        return (Integer) value(option);
    }

    public double get(Option.Real option) {
        return ((Number) value(option)).doubleValue();
    }

    public String get(Option.Choice option) {
        return (String) value(option);
    }

    public boolean has(Option option) {
        return values.containsKey(option.name());
    }

    /** The values by option name, in the order they were set. */
    public Map<String, Object> asMap() {
        return values;
    }

    private Object value(Option option) {
        Object v = values.get(option.name());
        if (v == null) {
            throw new IllegalArgumentException("no value for option '" + option.name() + "'");
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OptionValues other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
