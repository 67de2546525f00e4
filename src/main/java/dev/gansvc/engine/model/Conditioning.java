package dev.gansvc.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * How a class-conditional generator sees a label (Mirza and Osindero 2014): as a one-hot vector
 * appended to its latent point. (The discriminator reads its verdict at the label instead:
 * {@code gan.LabelReadout}.)
 */
public final class Conditioning {

    private Conditioning() {}

    /** [n, classes], 1 at each label. */
    public static INDArray oneHot(int[] labels, int classes) {
        float[] values = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            values[i * classes + labels[i]] = 1;
        }
        return Nd4j.create(values, new long[] {labels.length, classes}, 'c');
    }

    /**
     * A gradient with respect to rows that had one-hot labels appended ({@link #generatorInput}, or
     * any such rows), without the labels' columns: its first {@code width} columns.
     */
    public static INDArray withoutLabels(INDArray gradient, long width) {
        return gradient.size(1) == width
                ? gradient
                : gradient.get(NDArrayIndex.all(), NDArrayIndex.interval(0, width))
                        .dup();
    }

    /** The latent points with their one-hot labels appended; unchanged when {@code classes} is 0. */
    public static INDArray generatorInput(INDArray latent, int[] labels, int classes) {
        return classes == 0 ? latent : Nd4j.hstack(latent, oneHot(labels, classes));
    }
}
