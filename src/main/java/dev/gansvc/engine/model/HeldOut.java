package dev.gansvc.engine.model;

/**
 * How many examples every run keeps out of training (the last ones of the dataset), so that
 * validation losses and sample-quality figures measure against data the model never saw.
 */
public final class HeldOut {

    private static final int MAX = 1000;

    private HeldOut() {
    }

    /** A tenth of the data, at most {@value #MAX}; none for datasets too small to spare any. */
    public static int examples(int datasetSize) {
        return datasetSize < 100 ? 0 : Math.min(MAX, datasetSize / 10);
    }
}
