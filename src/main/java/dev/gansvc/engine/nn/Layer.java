package dev.gansvc.engine.nn;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One differentiable stage of a {@link Network}. Parameters, their gradients and any
 * non-trainable state live in views of the network's flat arrays, so an optimiser step and a
 * checkpoint each touch one contiguous array.
 *
 * <p>{@code forward(x, true)} remembers what {@link #backward} needs; {@code forward(x, false)}
 * writes no field at all (it neither remembers nor forgets), so inference may run on several
 * threads at once, and an inference pass between a training pass and its backward leaves that
 * backward intact.
 */
public interface Layer {

    INDArray forward(INDArray input, boolean training);

    /** Returns dLoss/dInput and adds this layer's parameter gradients into the bound views. */
    INDArray backward(INDArray gradOutput);

    /**
     * dLoss/dInput for a pass whose parameter gradients will be thrown away (the discriminator
     * during a generator step). A layer may skip its weight-gradient work here, so the bound
     * gradient views hold no meaningful values afterwards.
     */
    default INDArray inputGradient(INDArray gradOutput) {
        return backward(gradOutput);
    }

    /**
     * {@link #inputGradient} that also remembers {@code gradOutput}, so that a gradient penalty
     * can later be differentiated through this input gradient ({@link #backwardThroughInputGradient}).
     */
    default INDArray recordInputGradient(INDArray gradOutput) {
        throw new UnsupportedOperationException(this + " cannot be differentiated through its input gradient");
    }

    /**
     * Given {@code adjoint}, dPenalty/d(the input gradient {@link #recordInputGradient} returned),
     * adds dPenalty/dParameters to the gradients and returns dPenalty/d(the gradOutput it was
     * given). Exact where the input gradient is linear in gradOutput and the layer's derivative
     * does not change with its parameters: dense and convolution layers, reshapes and
     * piecewise-linear activations, which is what a WGAN-GP critic is made of.
     */
    default INDArray backwardThroughInputGradient(INDArray adjoint) {
        throw new UnsupportedOperationException(this + " cannot be differentiated through its input gradient");
    }

    /** What the bound layer computes in inference, its weights copied. */
    LayerSpec spec();

    /** A new layer of the same configuration, bound to nothing. */
    Layer unboundCopy();

    default long parameterCount() {
        return 0;
    }

    default long stateCount() {
        return 0;
    }

    /** Binds this layer to its slices of the network's flat parameter and gradient arrays. */
    default void bind(INDArray parameters, INDArray gradients) {}

    default void bindState(INDArray state) {}

    /** Fills the bound parameter (and state) views with initial values. */
    default void initialize(SplittableRandom random) {}
}
