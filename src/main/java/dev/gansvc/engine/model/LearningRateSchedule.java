package dev.gansvc.engine.model;

import java.util.Arrays;
import java.util.List;

/**
 * How the learning rate moves over a run. A linear decay to zero lets the last steps settle
 * instead of oscillating around the data, which sharpens the modes of low-dimensional data.
 */
public enum LearningRateSchedule {
    CONSTANT("constant"),
    LINEAR_DECAY("linear-decay");

    private final String id;

    LearningRateSchedule(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(LearningRateSchedule::id).toList();
    }

    /** {@code constant} when absent (jobs stored before schedules existed). */
    public static LearningRateSchedule fromId(String id) {
        if (id == null) {
            return CONSTANT;
        }
        for (LearningRateSchedule s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown learning-rate schedule '" + id + "'");
    }

    /** The factor on the base learning rate for the step that starts at {@code iteration} of {@code total}. */
    double scale(long iteration, long total) {
        return this == CONSTANT ? 1 : 1 - (double) iteration / total;
    }
}
