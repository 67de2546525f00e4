package dev.gansvc.engine.family.gmmn;

import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.engine.model.LossSeries;
import dev.gansvc.engine.model.NetworkUpdate;
import dev.gansvc.engine.model.Objective;
import dev.gansvc.engine.model.Step;
import dev.gansvc.engine.nn.Network;
import dev.gansvc.engine.quality.KernelMmd;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Generative moment matching (Li, Swersky and Zemel 2015; Dziugaite et al. 2015): the generator
 * alone, trained by gradient descent on the MMD^2 between a generated and a real batch; no
 * discriminator. Kernel bandwidths follow the real batch's median pairwise distance, at
 * {@link #SCALES} times it, so the same defaults serve 2D points and images.
 */
public final class MomentMatchingObjective implements Objective {

    public static final List<LossSeries> SERIES = List.of(LossSeries.loss("mmd2", "MMD²"));

    static final double[] SCALES = {1.0 / 16, 1.0 / 8, 1.0 / 4, 1.0 / 2, 1, 2};

    @Override
    public List<LossSeries> series() {
        return SERIES;
    }

    @Override
    public double[] step(GenerativeModel model, Step step) {
        Network g = model.generator();
        INDArray real = step.real(0);
        int n = (int) real.size(0);
        INDArray fake = g.forward(step.noise(0, model.latentDim()), true);
        INDArray realRows = real.reshape('c', n, -1);
        KernelMmd.ValueAndGradient mmd =
                KernelMmd.atMedianScale(realRows, SCALES).biasedWithGradient(realRows, fake.reshape('c', n, -1));
        NetworkUpdate update = model.update(GenerativeModel.GENERATOR, step);
        update.backward(mmd.gradient().reshape('c', fake.shape()));
        update.apply();
        return new double[] {mmd.value()};
    }
}
