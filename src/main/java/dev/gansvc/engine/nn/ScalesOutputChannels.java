package dev.gansvc.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A layer whose outputs are linear per output channel in its weights and bias, so a following
 * inference-mode batch norm (y = scale * x + shift per channel) can be folded into them.
 */
interface ScalesOutputChannels extends Layer {

    /** Rewrites the bound weights and bias so that the layer computes scale * y + shift. */
    void scaleOutputChannels(INDArray scale, INDArray shift);
}
