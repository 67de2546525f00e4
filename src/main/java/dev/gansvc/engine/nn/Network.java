package dev.gansvc.engine.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A chain of layers whose parameters, gradients and state each live in one flat array: the
 * optimiser updates all parameters with one fused op, and a checkpoint is two array writes.
 */
public final class Network {

    private final List<Layer> layers;
    private final long[] parameterOffsets;
    private final long[] stateOffsets;
    private final long parameterCount;
    private final long stateCount;
    /** Allocated at first use, so that a network can be sized (a job's budget) without its memory. */
    private volatile Arrays arrays;

    /** The flat arrays every layer's parameters, gradients and state are views of. */
    private record Arrays(INDArray parameters, INDArray gradients, INDArray state) {}

    public Network(List<Layer> layers) {
        this.layers = List.copyOf(layers);
        parameterCount = this.layers.stream().mapToLong(Layer::parameterCount).sum();
        stateCount = this.layers.stream().mapToLong(Layer::stateCount).sum();
        parameterOffsets = new long[this.layers.size()];
        stateOffsets = new long[this.layers.size()];
        long pOffset = 0;
        long sOffset = 0;
        for (int i = 0; i < this.layers.size(); i++) {
            parameterOffsets[i] = pOffset;
            stateOffsets[i] = sOffset;
            pOffset += this.layers.get(i).parameterCount();
            sOffset += this.layers.get(i).stateCount();
        }
    }

    private Arrays arrays() {
        Arrays a = arrays;
        if (a == null) {
            synchronized (this) {
                a = arrays;
                if (a == null) {
                    a = allocate();
                    arrays = a;
                }
            }
        }
        return a;
    }

    private Arrays allocate() {
        Arrays a = new Arrays(
                Tensors.zeros(parameterCount), Tensors.zeros(parameterCount), Tensors.zeros(Math.max(1, stateCount)));
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            long lp = layer.parameterCount();
            if (lp > 0) {
                layer.bind(
                        Tensors.slice(a.parameters(), parameterOffsets[i], lp),
                        Tensors.slice(a.gradients(), parameterOffsets[i], lp));
            }
            long ls = layer.stateCount();
            if (ls > 0) {
                layer.bindState(Tensors.slice(a.state(), stateOffsets[i], ls));
            }
        }
        return a;
    }

    /** Whether any layer is a convolution or a transposed one: work large enough to split over cores. */
    public boolean convolutional() {
        return layers.stream().anyMatch(l -> l instanceof Conv2d || l instanceof ConvTranspose2d);
    }

    /**
     * Whether each example's output depends on that example alone in training mode: true
     * unless a batch norm normalises over the batch.
     */
    public boolean examplesIndependent() {
        return layers.stream().noneMatch(BatchNorm.class::isInstance);
    }

    /**
     * A copy for inference in which every batch norm that directly follows a dense or
     * transposed-convolution layer is folded into that layer's weights and bias: the same
     * outputs as {@code forward(x, false)} up to rounding, with one pass over the data less
     * per batch norm. Later changes to this network do not reach the copy.
     */
    public Network foldedForInference() {
        List<Layer> copies = new ArrayList<>();
        List<Integer> sources = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            copies.add(layers.get(i).unboundCopy());
            sources.add(i);
            if (layers.get(i) instanceof ScalesOutputChannels
                    && i + 1 < layers.size()
                    && layers.get(i + 1) instanceof BatchNorm) {
                i++;
            }
        }
        Network folded = new Network(copies);
        INDArray parameters = parameters();
        INDArray state = state();
        for (int j = 0; j < copies.size(); j++) {
            int i = sources.get(j);
            long p = layers.get(i).parameterCount();
            if (p > 0) {
                Tensors.slice(folded.parameters(), folded.parameterOffsets[j], p)
                        .assign(Tensors.slice(parameters, parameterOffsets[i], p));
            }
            long s = layers.get(i).stateCount();
            if (s > 0) {
                Tensors.slice(folded.state(), folded.stateOffsets[j], s)
                        .assign(Tensors.slice(state, stateOffsets[i], s));
            }
            if (copies.get(j) instanceof ScalesOutputChannels scaled
                    && i + 1 < layers.size()
                    && layers.get(i + 1) instanceof BatchNorm norm) {
                scaled.scaleOutputChannels(norm.inferenceScale(), norm.inferenceShift());
            }
        }
        return folded;
    }

    /** What each layer computes in inference, in order, with copies of the weights. */
    public List<LayerSpec> specs() {
        arrays();
        return layers.stream().map(Layer::spec).toList();
    }

    public void initialize(SplittableRandom random) {
        arrays();
        for (Layer layer : layers) {
            layer.initialize(random);
        }
    }

    public INDArray forward(INDArray input, boolean training) {
        return forward(input, training, layers.size());
    }

    /** The output of the first {@code count} layers only: what an inner layer makes of the input. */
    public INDArray forward(INDArray input, boolean training, int count) {
        arrays();
        INDArray x = input;
        for (Layer layer : layers.subList(0, count)) {
            x = layer.forward(x, training);
        }
        return x;
    }

    public int layerCount() {
        return layers.size();
    }

    /** Back-propagates dLoss/dOutput of the last training forward pass; returns dLoss/dInput. */
    public INDArray backward(INDArray gradOutput) {
        INDArray g = gradOutput;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g);
        }
        return g;
    }

    /**
     * dLoss/dInput of the last training forward pass without parameter gradients: the gradient
     * array holds no meaningful values afterwards and must be zeroed before the next backward.
     */
    public INDArray inputGradient(INDArray gradOutput) {
        INDArray g = gradOutput;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).inputGradient(g);
        }
        return g;
    }

    /** {@link #inputGradient} through layers that remember it, for {@link #backwardThroughInputGradient}. */
    public INDArray recordInputGradient(INDArray gradOutput) {
        INDArray g = gradOutput;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).recordInputGradient(g);
        }
        return g;
    }

    /**
     * Adds to the parameter gradients dPenalty/dParameters of a penalty on the input gradient
     * last computed by {@link #recordInputGradient}, given dPenalty/d(that input gradient).
     */
    public void backwardThroughInputGradient(INDArray adjoint) {
        INDArray u = adjoint;
        for (Layer layer : layers) {
            u = layer.backwardThroughInputGradient(u);
        }
    }

    public void zeroGradients() {
        arrays().gradients().assign(0);
    }

    /** Known without allocating the network's arrays. */
    public long parameterCount() {
        return parameterCount;
    }

    /** Flat parameters; writes go straight into the layers. */
    public INDArray parameters() {
        return arrays().parameters();
    }

    public INDArray gradients() {
        return arrays().gradients();
    }

    /** Flat non-trainable state (batch-norm running statistics). */
    public INDArray state() {
        return arrays().state();
    }
}
