package dev.gansvc.engine.nn;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One differentiable stage of a {@link Network}. Parameters, their gradients and any
 * non-trainable state live in views of the network's flat arrays, so an optimiser step and a
 * checkpoint each touch one contiguous array.
 *
 * <p>{@code forward(x, true)} remembers what {@link #backward} needs; {@code forward(x, false)}
 * remembers nothing, so inference may run on several threads at once.
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

    /** A new layer of the same configuration, bound to nothing. */
    Layer unboundCopy();

    default long parameterCount() {
        return 0;
    }

    default long stateCount() {
        return 0;
    }

    /** Binds this layer to its slices of the network's flat parameter and gradient arrays. */
    default void bind(INDArray parameters, INDArray gradients) {
    }

    default void bindState(INDArray state) {
    }

    /** Fills the bound parameter (and state) views with initial values. */
    default void initialize(SplittableRandom random) {
    }
}
