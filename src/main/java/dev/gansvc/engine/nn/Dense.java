package dev.gansvc.engine.nn;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Fully connected layer y = xW + b on [batch, features] inputs. */
public final class Dense implements Layer {

    private final WeightsAndBias p;
    private INDArray input;

    public Dense(int in, int out) {
        this.p = new WeightsAndBias(new long[] {in, out}, 1, out);
    }

    @Override
    public long parameterCount() {
        return p.count();
    }

    @Override
    public void bind(INDArray parameters, INDArray gradients) {
        p.bind(parameters, gradients);
    }

    @Override
    public void initialize(SplittableRandom random) {
        p.initialize(random);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        input = training ? x : null;
        return x.mmul(p.weights).addiRowVector(p.bias);
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        p.gradWeights.addi(input.transpose().mmul(gradOutput));
        p.gradBias.addi(gradOutput.sum(true, 0));
        return gradOutput.mmul(p.weights.transpose());
    }
}
