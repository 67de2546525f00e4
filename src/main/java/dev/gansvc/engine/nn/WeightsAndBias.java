package dev.gansvc.engine.nn;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A layer's weight tensor and bias, and their gradients, as views of the network's flat arrays. */
final class WeightsAndBias {

    private final long[] weightShape;
    private final long[] biasShape;
    private final long weightCount;
    INDArray weights;
    INDArray bias;
    INDArray gradWeights;
    INDArray gradBias;

    WeightsAndBias(long[] weightShape, long... biasShape) {
        this.weightShape = weightShape.clone();
        this.biasShape = biasShape.clone();
        this.weightCount = product(weightShape);
    }

    long count() {
        return weightCount + product(biasShape);
    }

    void bind(INDArray parameters, INDArray gradients) {
        weights = Tensors.slice(parameters, 0, weightShape);
        bias = Tensors.slice(parameters, weightCount, biasShape);
        gradWeights = Tensors.slice(gradients, 0, weightShape);
        gradBias = Tensors.slice(gradients, weightCount, biasShape);
    }

    /** N(0, 0.02) weights and zero bias, the DCGAN initialisation (Radford et al. 2015). */
    void initialize(SplittableRandom random) {
        initialize(random, 0.02);
    }

    /** N(0, std) weights and zero bias. */
    void initialize(SplittableRandom random, double std) {
        Tensors.fillGaussian(weights, random, 0, std);
        bias.assign(0);
    }

    private static long product(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }
}
