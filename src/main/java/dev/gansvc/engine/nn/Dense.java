package dev.gansvc.engine.nn;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Fully connected layer y = xW + b on [batch, features] inputs. */
public final class Dense implements Layer {

    private final int in;
    private final int out;
    private INDArray weights;
    private INDArray bias;
    private INDArray gradWeights;
    private INDArray gradBias;
    private INDArray input;

    public Dense(int in, int out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public long parameterCount() {
        return (long) in * out + out;
    }

    @Override
    public void bind(INDArray parameters, INDArray gradients) {
        weights = Tensors.slice(parameters, 0, in, out);
        bias = Tensors.slice(parameters, (long) in * out, 1, out);
        gradWeights = Tensors.slice(gradients, 0, in, out);
        gradBias = Tensors.slice(gradients, (long) in * out, 1, out);
    }

    @Override
    public void initialize(SplittableRandom random) {
        Tensors.fillGaussian(weights, random, 0, 0.02);
        bias.assign(0);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        input = training ? x : null;
        return x.mmul(weights).addiRowVector(bias);
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        gradWeights.addi(input.transpose().mmul(gradOutput));
        gradBias.addi(gradOutput.sum(true, 0));
        return gradOutput.mmul(weights.transpose());
    }
}
