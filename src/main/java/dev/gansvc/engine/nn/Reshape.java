package dev.gansvc.engine.nn;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Reshapes each example, e.g. [N, 6272] to [N, 128, 7, 7] or back (flatten). */
public final class Reshape implements Layer {

    private final long[] exampleShape;
    private long[] inputShape;

    public Reshape(long... exampleShape) {
        this.exampleShape = exampleShape.clone();
    }

    public static Reshape flatten(long features) {
        return new Reshape(features);
    }

    @Override
    public LayerSpec spec() {
        return new LayerSpec.Reshape(exampleShape.clone());
    }

    @Override
    public Layer unboundCopy() {
        return new Reshape(exampleShape);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        long[] shape = new long[exampleShape.length + 1];
        shape[0] = x.size(0);
        System.arraycopy(exampleShape, 0, shape, 1, exampleShape.length);
        if (training) {
            inputShape = x.shape();
        }
        return x.reshape('c', shape);
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        return gradOutput.reshape('c', inputShape);
    }

    @Override
    public INDArray recordInputGradient(INDArray gradOutput) {
        return backward(gradOutput);
    }

    @Override
    public INDArray backwardThroughInputGradient(INDArray adjoint) {
        long[] shape = new long[exampleShape.length + 1];
        shape[0] = adjoint.size(0);
        System.arraycopy(exampleShape, 0, shape, 1, exampleShape.length);
        return adjoint.reshape('c', shape);
    }

    @Override
    public String toString() {
        return "Reshape" + Arrays.toString(exampleShape);
    }
}
