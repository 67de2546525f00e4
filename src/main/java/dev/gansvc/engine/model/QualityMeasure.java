package dev.gansvc.engine.model;

/** The quality figures a finished job may record, each where the data allow it. */
public enum QualityMeasure {
    /** Modes of a 2-D Gaussian mixture covered, and the share of high-quality samples. */
    MODE_COVERAGE,
    /** MMD² between samples and held-out examples. */
    MMD,
    /** Generated digits judged by the digit classifier. */
    DIGIT_CLASSIFIER,
    /** Whether samples are of the class asked for (conditional models). */
    CLASS_AGREEMENT,
    /** Reconstruction of the held-out examples (models with an encoder). */
    HELD_OUT_RECONSTRUCTION,
    /**
     * Fréchet and kernel distances and k-nearest-neighbour precision and recall of samples against
     * held-out examples, on classifier features of images or raw values of rows.
     */
    FEATURE_DISTANCES
}
