package dev.gansvc.engine.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How many examples every run keeps out of training, so that validation losses and
 * sample-quality figures measure against data the model never saw. They are drawn by a fixed
 * seed, not taken from the end: every job on a dataset holds out the same examples, and data
 * sorted by class (as CSV files often are) still gives a held-out set of every class.
 */
public final class HeldOut {

    static final long SPLIT_SEED = 0x4E1D0075L;
    private static final int MAX = 1000;

    private HeldOut() {}

    /** The examples of a dataset of {@code size} that train, and those held out. */
    public record Split(int[] training, int[] heldOut) {}

    public static Split split(int size) {
        int[] order = Permutations.of(size, new SplittableRandom(SPLIT_SEED));
        int held = examples(size);
        return new Split(Arrays.copyOfRange(order, held, size), Arrays.copyOfRange(order, 0, held));
    }

    /** A tenth of the data, at most {@value #MAX}; none for datasets too small to spare any. */
    public static int examples(int datasetSize) {
        return datasetSize < 100 ? 0 : Math.min(MAX, datasetSize / 10);
    }
}
