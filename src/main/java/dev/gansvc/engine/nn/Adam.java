package dev.gansvc.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.AdamUpdater;

/** Adam over a network's flat parameters, through ND4J's fused adam_updater op. */
public final class Adam {

    private final Network network;
    private final double learningRate;
    private final INDArray moments;
    private final AdamUpdater updater;
    private int steps;

    public Adam(Network network, double learningRate, double beta1, double beta2) {
        this.network = network;
        this.learningRate = learningRate;
        long n = network.parameterCount();
        moments = Tensors.zeros(1, 2 * n);
        updater = new AdamUpdater(new org.nd4j.linalg.learning.config.Adam(learningRate, beta1, beta2, 1e-8));
        updater.setStateViewArray(moments, new long[] {1, n}, 'c', true);
    }

    /** Applies one update from the network's accumulated gradients at the base learning rate. */
    public void step() {
        step(1);
    }

    /** Applies one update at {@code learningRateScale} times the base learning rate. */
    public void step(double learningRateScale) {
        ((org.nd4j.linalg.learning.config.Adam) updater.getConfig()).setLearningRate(learningRate * learningRateScale);
        INDArray update = network.gradients().reshape(1, network.parameterCount());
        updater.applyUpdater(update, steps, 0);
        network.parameters().subi(update.reshape(network.parameterCount()));
        steps++;
    }

    public int steps() {
        return steps;
    }

    /** First and second moment estimates, [1, 2n]; checkpoints save and restore it. */
    public INDArray moments() {
        return moments;
    }

    public void restore(INDArray savedMoments, int savedSteps) {
        moments.assign(savedMoments.reshape(moments.shape()));
        steps = savedSteps;
    }
}
