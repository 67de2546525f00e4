package dev.gansvc.engine.model;

import dev.gansvc.engine.nn.Network;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One optimiser update of one of a model's networks, the skeleton every objective's step
 * shares: gradients zeroed when it starts ({@link GenerativeModel#update}), gradients
 * accumulated by backpropagation, then one Adam step at the step's learning rate, and after
 * a generator update the generator's weight average.
 */
public final class NetworkUpdate {

    private final GenerativeModel model;
    private final String name;
    private final Network network;
    private final double learningRateScale;
    private boolean applied;

    NetworkUpdate(GenerativeModel model, String name, Network network, double learningRateScale) {
        this.model = model;
        this.name = name;
        this.network = network;
        this.learningRateScale = learningRateScale;
    }

    public Network network() {
        return network;
    }

    /** Backpropagates a gradient at the network's output into its gradients; returns the input gradient. */
    public INDArray backward(INDArray outputGradient) {
        return network.backward(outputGradient);
    }

    /** The optimiser step on the accumulated gradients, and the generator's average after a generator step. */
    public void apply() {
        if (applied) {
            throw new IllegalStateException(name + " update applied twice");
        }
        applied = true;
        model.optimizer(name).step(learningRateScale);
        if (GenerativeModel.GENERATOR.equals(name)) {
            model.updateAverage();
        }
    }
}
