package dev.gansvc.engine.model;

import dev.gansvc.engine.data.FeatureScaling;
import dev.gansvc.engine.nn.LayerSpec;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link GeneratorModel} computes from a latent point (and a label), spelled out for an
 * exporter: the latent choice of a cluster or code component, the one-hot appended, the
 * inference layers (batch norms folded), and the scaling back to the data's units.
 *
 * @param latentDim   width of the latent point z
 * @param classes     classes of a conditional model, whose one-hot label is appended to the
 *                    (chosen) point; 0 for an unconditional one
 * @param choice      the choice the first latent coordinate makes, where the model has one
 * @param layers      the generator's layers, batch norms folded where they follow a linear layer
 * @param scaling     the standardisation the samples are restored from, for rows
 * @param sampleShape one sample's shape ([features], or [channels, height, width])
 */
public record GeneratorGraph(
        int latentDim,
        int classes,
        Optional<Choice> choice,
        List<LayerSpec> layers,
        Optional<FeatureScaling> scaling,
        long[] sampleShape) {

    /**
     * A choice among options of these weights made by the first latent coordinate: its normal
     * probability falls in one option's share of [0, 1] and, rescaled within that share (kept
     * {@link LatentChoice#EDGE} away from 0 and 1), is turned back into a standard-normal
     * coordinate.
     */
    public sealed interface Choice {
        double[] weights();
    }

    /** Clusters of the examples: the chosen one's one-hot is appended to the rescaled point. */
    public record Clusters(double[] weights) implements Choice {}

    /**
     * Components of a decoder's code density: the code is {@code means[c] + factors[c] z} for the
     * chosen component c and the rescaled point z.
     *
     * @param factors lower-triangular Cholesky factors [k][latent][latent]
     */
    public record Components(double[] weights, double[][] means, double[][][] factors) implements Choice {}
}
