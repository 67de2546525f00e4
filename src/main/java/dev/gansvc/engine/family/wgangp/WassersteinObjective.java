package dev.gansvc.engine.family.wgangp;

import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.engine.model.LossSeries;
import dev.gansvc.engine.model.NetworkUpdate;
import dev.gansvc.engine.model.Objective;
import dev.gansvc.engine.model.Step;
import dev.gansvc.engine.nn.Network;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * WGAN-GP (Gulrajani et al. 2017, Algorithm 1): {@code k} critic steps on
 * D(G(z)) - D(x) + lambda (|grad D(x^)| - 1)^2, x^ a random mix of a real and a fake example,
 * then one generator step on -D(G(z)). The penalty's gradient differentiates the critic's
 * input gradient ({@link Network#backwardThroughInputGradient}), so the critic has no batch norm.
 */
public final class WassersteinObjective implements Objective {

    public static final String CRITIC = "critic";
    public static final List<LossSeries> SERIES = List.of(
            LossSeries.loss("criticLoss", "critic loss"), LossSeries.loss("gLoss", "G loss"),
            LossSeries.loss("wasserstein", "W estimate"), LossSeries.loss("gradientPenalty", "gradient penalty"));

    private static final int MIXING = 3;

    private final int criticSteps;
    private final double lambda;

    public WassersteinObjective(int criticSteps, double lambda) {
        this.criticSteps = criticSteps;
        this.lambda = lambda;
    }

    @Override
    public List<LossSeries> series() {
        return SERIES;
    }

    @Override
    public int batchesPerStep() {
        return criticSteps;
    }

    @Override
    public double[] step(GenerativeModel model, Step step) {
        Network g = model.generator();
        Network critic = model.network(CRITIC);
        int n = step.batchSize();
        INDArray meanGrad = Nd4j.valueArrayOf(new long[] {n, 1}, 1.0f / n);
        double criticLoss = 0;
        double wasserstein = 0;
        double penalty = 0;
        INDArray fake = null;
        for (int j = 0; j < criticSteps; j++) {
            INDArray real = step.real(j);
            fake = g.forward(step.noise(j, model.latentDim()), true);

            NetworkUpdate criticUpdate = model.update(CRITIC, step);
            double realScore = critic.forward(real, true).meanNumber().doubleValue();
            critic.backward(meanGrad.neg());
            double fakeScore = critic.forward(fake, true).meanNumber().doubleValue();
            critic.backward(meanGrad);
            penalty = addPenaltyGradient(critic, real, fake, step.random(j, MIXING));
            criticUpdate.apply();
            wasserstein = realScore - fakeScore;
            criticLoss = -wasserstein + penalty;
        }

        // The generator's forward caches still belong to the last fake batch.
        double gLoss = -critic.forward(fake, true).meanNumber().doubleValue();
        INDArray gradFake = critic.inputGradient(meanGrad.neg());
        NetworkUpdate generatorUpdate = model.update(GenerativeModel.GENERATOR, step);
        generatorUpdate.backward(gradFake);
        generatorUpdate.apply();
        return new double[] {criticLoss, gLoss, wasserstein, penalty};
    }

    /** Adds the penalty's parameter gradient to the critic's gradients; returns the penalty. */
    private double addPenaltyGradient(Network critic, INDArray real, INDArray fake, SplittableRandom random) {
        int n = (int) real.size(0);
        long[] perExample = new long[real.rank()];
        Arrays.fill(perExample, 1);
        perExample[0] = n;
        float[] mix = new float[n];
        for (int i = 0; i < n; i++) {
            mix[i] = (float) random.nextDouble();
        }
        INDArray eps = Nd4j.create(mix, perExample, 'c');
        INDArray mixed = real.mul(eps).addi(fake.mul(eps.rsub(1)));
        critic.forward(mixed, true);
        INDArray grad = critic.recordInputGradient(Nd4j.ones(mixed.dataType(), n, 1));
        INDArray rows = grad.reshape('c', n, -1);
        INDArray norms =
                Transforms.sqrt(rows.mul(rows).sum(1).addi(1e-12), false).reshape(n, 1);
        INDArray excess = norms.sub(1);
        double value = lambda * excess.mul(excess).meanNumber().doubleValue();
        // d/dg of lambda/n sum (|g| - 1)^2 = 2 lambda/n (|g| - 1) g / |g|
        INDArray adjoint = rows.mulColumnVector(excess.div(norms).muli(2 * lambda / n));
        critic.backwardThroughInputGradient(adjoint.reshape('c', grad.shape()));
        return value;
    }
}
