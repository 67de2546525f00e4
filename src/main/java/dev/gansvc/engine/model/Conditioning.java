package dev.gansvc.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * How class-conditional networks see a label (Mirza and Osindero 2014): as a one-hot vector
 * appended to the generator's latent point and to a row of features, or as constant one-hot
 * planes appended to an image's channels.
 */
public final class Conditioning {

    private Conditioning() {
    }

    /** [n, classes], 1 at each label. */
    public static INDArray oneHot(int[] labels, int classes) {
        float[] values = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            values[i * classes + labels[i]] = 1;
        }
        return Nd4j.create(values, new long[] {labels.length, classes}, 'c');
    }

    /** The latent points with their one-hot labels appended; unchanged when {@code classes} is 0. */
    public static INDArray generatorInput(INDArray latent, int[] labels, int classes) {
        return classes == 0 ? latent : Nd4j.hstack(latent, oneHot(labels, classes));
    }

    /** Examples ([n, features] or [n, c, h, w]) with their labels appended; unchanged when {@code classes} is 0. */
    public static INDArray examplesWithLabels(INDArray examples, int[] labels, int classes) {
        if (classes == 0) {
            return examples;
        }
        INDArray hot = oneHot(labels, classes);
        if (examples.rank() == 2) {
            return Nd4j.hstack(examples, hot);
        }
        long n = examples.size(0);
        long h = examples.size(2);
        long w = examples.size(3);
        INDArray planes = hot.reshape(n, classes, 1, 1).mul(Nd4j.ones(examples.dataType(), n, classes, h, w));
        return Nd4j.concat(1, examples, planes);
    }

    /** The part of a gradient with respect to {@link #examplesWithLabels} that belongs to the examples. */
    public static INDArray exampleGradient(INDArray gradient, long[] exampleShape, int classes) {
        if (classes == 0) {
            return gradient;
        }
        INDArray part = gradient.rank() == 2
                ? gradient.get(NDArrayIndex.all(), NDArrayIndex.interval(0, exampleShape[0]))
                : gradient.get(NDArrayIndex.all(), NDArrayIndex.interval(0, exampleShape[0]), NDArrayIndex.all(),
                        NDArrayIndex.all());
        return part.dup('c');
    }

    /** Per-example input width of a network that reads examples with their labels appended. */
    public static long[] inputShape(long[] exampleShape, int classes) {
        long[] shape = exampleShape.clone();
        shape[0] += classes;
        return shape;
    }
}
