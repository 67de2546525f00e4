package dev.gansvc.engine.model;

import dev.gansvc.engine.data.Dataset;
import dev.gansvc.engine.nn.Tensors;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one training step may draw on: its batches of real examples, and noise that derives
 * from the run's seed and the step number only, so a resumed run draws exactly what an
 * uninterrupted one would.
 */
public final class Step {

    private final Dataset data;
    private final int[] labels;
    private final int[] order;
    private final int firstIndex;
    private final int batchSize;
    private final int batchesPerStep;
    private final long iteration;
    private final long seed;
    private final double learningRateScale;
    private final double progress;

    Step(
            Dataset data,
            int[] labels,
            int[] order,
            int firstIndex,
            int batchSize,
            int batchesPerStep,
            long iteration,
            long seed,
            double learningRateScale,
            double progress) {
        this.data = data;
        this.labels = labels;
        this.order = order;
        this.firstIndex = firstIndex;
        this.batchSize = batchSize;
        this.batchesPerStep = batchesPerStep;
        this.iteration = iteration;
        this.seed = seed;
        this.learningRateScale = learningRateScale;
        this.progress = progress;
    }

    public int batchSize() {
        return batchSize;
    }

    /** Generator steps completed before this one. */
    public long iteration() {
        return iteration;
    }

    /** The share of the run's steps completed before this one, in [0, 1). */
    public double progress() {
        return progress;
    }

    /** The factor on the base learning rate that the schedule gives this step. */
    public double learningRateScale() {
        return learningRateScale;
    }

    /** Real batch {@code j} (0 to batchesPerStep - 1) of this step, [batch, exampleShape...]. */
    public INDArray real(int j) {
        return data.batch(indices(j));
    }

    /** The class labels of real batch {@code j}. */
    public int[] labels(int j) {
        int[] idx = indices(j);
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = labels[idx[i]];
        }
        return out;
    }

    /** Standard-normal latent points for batch {@code j}, [batch, columns]. */
    public INDArray noise(int j, int columns) {
        return LatentNoise.sample(LatentNoise.stepSeed(seed, iteration * batchesPerStep + j), batchSize, columns);
    }

    /**
     * A random source for batch {@code j} and a purpose (gradient-penalty mixing, corruption
     * noise, ...); different purposes draw independent streams.
     */
    public SplittableRandom random(int j, int purpose) {
        return new SplittableRandom(
                LatentNoise.stepSeed(seed ^ (0xD1B54A32D192ED03L * (purpose + 1)), iteration * batchesPerStep + j));
    }

    /** Standard-normal values of any shape, from {@link #random(int, int)}. */
    public INDArray gaussian(int j, int purpose, long... shape) {
        return Tensors.gaussian(random(j, purpose), 0, 1, shape);
    }

    private int[] indices(int j) {
        if (j < 0 || j >= batchesPerStep) {
            throw new IllegalArgumentException("batch " + j + " of " + batchesPerStep);
        }
        int start = firstIndex + j * batchSize;
        return Arrays.copyOfRange(order, start, start + batchSize);
    }
}
