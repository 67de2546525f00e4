package dev.gansvc.engine.model;

/**
 * How many examples every run keeps out of training, so that validation losses and
 * sample-quality figures measure against data the model never saw. They are drawn by a fixed
 * seed, not taken from the end: every job on a dataset holds out the same examples, and data
 * sorted by class (as CSV files often are) still gives a held-out set of every class.
 */
public final class HeldOut {

    static final long SPLIT_SEED = 0x4E1D0075L;
    private static final int MAX = 1000;

    private HeldOut() {
    }

    /** A tenth of the data, at most {@value #MAX}; none for datasets too small to spare any. */
    public static int examples(int datasetSize) {
        return datasetSize < 100 ? 0 : Math.min(MAX, datasetSize / 10);
    }
}
