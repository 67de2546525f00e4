package dev.gansvc.engine.adversarial;

import dev.gansvc.engine.model.OptionValues;
import dev.gansvc.engine.model.Step;
import dev.gansvc.engine.nn.Network;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * R1 (Mescheder et al. 2018): the discriminator also minimises (gamma / 2) |grad_x D(x)|^2 at
 * real examples, which damps the oscillation of the game. As in StyleGAN2 it is applied every
 * {@value #INTERVAL} discriminator steps, scaled by that interval, at a fraction of the cost.
 * It may be limited to the first part of the run, where it keeps a young generator from
 * collapsing, so that the rest of the run sharpens the samples without it.
 *
 * @param gamma the penalty's weight, 0 for none; needs a discriminator without batch norm
 * @param until the share of the run, from the start, during which it applies
 */
public record R1Penalty(double gamma, double until) {

    public static final R1Penalty NONE = new R1Penalty(0, 1);

    static final int INTERVAL = 4;

    /** The penalty the options set; none where the family reads no R1 options. */
    public static R1Penalty of(OptionValues options) {
        return options.has(AdversarialOptions.R1_GAMMA)
                ? new R1Penalty(options.get(AdversarialOptions.R1_GAMMA), options.get(AdversarialOptions.R1_UNTIL))
                : NONE;
    }

    /** Adds the penalty's gradient to {@code d}'s when discriminator step {@code dStep} of the run is due for it. */
    void addGradientIfDue(Network d, INDArray real, LabelReadout readout, Step step, long dStep) {
        if (gamma > 0 && step.progress() < until && dStep % INTERVAL == 0) {
            addGradient(d, real, readout, gamma * INTERVAL);
        }
    }

    /**
     * Adds to {@code d}'s gradients those of (gamma / 2) mean_i |grad_x D(x_i)|^2 over the real
     * batch, D(x_i) the logit that {@code readout} reads; returns the penalty.
     */
    static double addGradient(Network d, INDArray real, LabelReadout readout, double gamma) {
        if (!d.examplesIndependent()) {
            throw new IllegalArgumentException(
                    "R1 needs a discriminator that judges each example on its own (no batch norm)");
        }
        int n = (int) real.size(0);
        d.forward(real, true);
        float[] ones = new float[n];
        Arrays.fill(ones, 1);
        INDArray inputGradient =
                d.recordInputGradient(readout.outputGradient(ones).castTo(real.dataType()));
        double penalty =
                gamma / 2 * inputGradient.mul(inputGradient).sumNumber().doubleValue() / n;
        // d/dg of (gamma / 2n) sum |g_i|^2 is (gamma / n) g.
        d.backwardThroughInputGradient(inputGradient.mul(gamma / n));
        return penalty;
    }
}
