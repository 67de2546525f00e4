package dev.gansvc.engine.family.wgangp;

import dev.gansvc.engine.adversarial.LabelReadout;
import dev.gansvc.engine.model.Conditioning;
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
 * A model conditioned on clusters of its examples gives the generator the cluster and reads the
 * critic at it, as a projection discriminator is read at a class ({@link LabelReadout}); the
 * fakes borrow the real batch's clusters, so the interpolates of the penalty have one each.
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
        int clusters = model.shape().labelCount();
        float[] averaged = new float[n];
        Arrays.fill(averaged, 1.0f / n);
        float[] minusAveraged = new float[n];
        Arrays.fill(minusAveraged, -1.0f / n);
        double criticLoss = 0;
        double wasserstein = 0;
        double penalty = 0;
        INDArray fake = null;
        LabelReadout readout = null;
        for (int j = 0; j < criticSteps; j++) {
            INDArray real = step.real(j);
            int[] labels = step.labels(j);
            readout = new LabelReadout(labels, clusters, 1);
            fake = g.forward(Conditioning.generatorInput(step.noise(j, model.latentDim()), labels, clusters), true);

            NetworkUpdate criticUpdate = model.update(CRITIC, step);
            double realScore = mean(readout.logits(critic.forward(real, true)));
            critic.backward(readout.outputGradient(minusAveraged));
            double fakeScore = mean(readout.logits(critic.forward(fake, true)));
            critic.backward(readout.outputGradient(averaged));
            penalty = addPenaltyGradient(critic, real, fake, readout, step.random(j, MIXING));
            criticUpdate.apply();
            wasserstein = realScore - fakeScore;
            criticLoss = -wasserstein + penalty;
        }

        // The generator's forward caches (and the readout's clusters) still belong to the last fake batch.
        double gLoss = -mean(readout.logits(critic.forward(fake, true)));
        INDArray gradFake = critic.inputGradient(readout.outputGradient(minusAveraged));
        NetworkUpdate generatorUpdate = model.update(GenerativeModel.GENERATOR, step);
        generatorUpdate.backward(gradFake);
        generatorUpdate.apply();
        return new double[] {criticLoss, gLoss, wasserstein, penalty};
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Adds the penalty's parameter gradient to the critic's gradients; returns the penalty. */
    private double addPenaltyGradient(
            Network critic, INDArray real, INDArray fake, LabelReadout readout, SplittableRandom random) {
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
        float[] ones = new float[n];
        Arrays.fill(ones, 1);
        INDArray grad = critic.recordInputGradient(readout.outputGradient(ones));
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
