package dev.gansvc.engine.family.gmmn;

import dev.gansvc.engine.model.Conditioning;
import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.engine.model.LossSeries;
import dev.gansvc.engine.model.NetworkUpdate;
import dev.gansvc.engine.model.Objective;
import dev.gansvc.engine.model.Step;
import dev.gansvc.engine.nn.Network;
import dev.gansvc.engine.quality.KernelMmd;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Generative moment matching (Li, Swersky and Zemel 2015; Dziugaite et al. 2015): the generator
 * alone, trained by gradient descent on the MMD^2 between a generated and a real batch; no
 * discriminator. Kernel bandwidths follow the real batch's median pairwise distance, at
 * {@link #SCALES} times it, so the same defaults serve 2D points and images. A model
 * conditioned on clusters of its examples tells the generator the cluster (the fakes borrow the
 * real batch's) and matches each cluster's fakes to its own examples.
 */
public final class MomentMatchingObjective implements Objective {

    public static final List<LossSeries> SERIES = List.of(LossSeries.loss("mmd2", "MMD²"));

    static final double[] SCALES = {1.0 / 16, 1.0 / 8, 1.0 / 4, 1.0 / 2, 1, 2};
    /** Distance between two clusters' coordinates in widest bandwidths: their kernel is e^-100, nothing. */
    private static final double APART = 10;

    @Override
    public List<LossSeries> series() {
        return SERIES;
    }

    @Override
    public double[] step(GenerativeModel model, Step step) {
        Network g = model.generator();
        INDArray real = step.real(0);
        int n = (int) real.size(0);
        int clusters = model.shape().labelCount();
        int[] labels = step.labels(0);
        INDArray fake =
                g.forward(Conditioning.generatorInput(step.noise(0, model.latentDim()), labels, clusters), true);
        INDArray realRows = real.reshape('c', n, -1);
        INDArray fakeRows = fake.reshape('c', n, -1);
        KernelMmd kernel = KernelMmd.atMedianScale(realRows, SCALES);
        if (clusters > 0) {
            // The cluster as coordinates far apart: a pair from two clusters adds nothing, so the
            // MMD compares each cluster's fakes with its own real examples.
            double widest = Arrays.stream(kernel.bandwidths()).max().orElseThrow();
            INDArray apart = Conditioning.oneHot(labels, clusters).muli(APART * widest);
            realRows = Nd4j.hstack(realRows, apart);
            fakeRows = Nd4j.hstack(fakeRows, apart);
        }
        KernelMmd.ValueAndGradient mmd = kernel.biasedWithGradient(realRows, fakeRows);
        NetworkUpdate update = model.update(GenerativeModel.GENERATOR, step);
        update.backward(
                Conditioning.withoutLabels(mmd.gradient(), fake.length() / n).reshape('c', fake.shape()));
        update.apply();
        return new double[] {mmd.value()};
    }
}
