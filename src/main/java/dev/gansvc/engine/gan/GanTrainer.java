package dev.gansvc.engine.gan;

import dev.gansvc.engine.data.Dataset;
import dev.gansvc.engine.nn.Network;
import dev.gansvc.engine.nn.Workspaces;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Alternating GAN training: per generator step, {@code k} discriminator steps on a real batch
 * and a fake batch, then one generator step on the last fake batch through the updated
 * discriminator (Goodfellow et al. 2014, Algorithm 1).
 *
 * <p>Every random choice derives from the seed and the step number (data order per epoch,
 * noise per step), so a run resumed from a checkpoint takes the same path as one that never
 * stopped.
 */
public final class GanTrainer {

    public enum Outcome { COMPLETED, STOPPED }

    private static final String WORKSPACE = "gan-training-step";

    private final GanModel model;
    private final Dataset data;
    private final TrainingSettings settings;

    public GanTrainer(GanModel model, Dataset data, TrainingSettings settings) {
        if (settings.iterationsPerEpoch(data.size()) < 1) {
            throw new IllegalArgumentException("dataset of " + data.size() + " examples is smaller than one step ("
                    + settings.batchSize() * settings.discriminatorSteps() + " examples)");
        }
        this.model = model;
        this.data = data;
        this.settings = settings;
    }

    public long totalIterations() {
        return settings.totalIterations(data.size());
    }

    public Outcome train(TrainingListener listener, BooleanSupplier stopRequested) {
        long perEpoch = settings.iterationsPerEpoch(data.size());
        long total = totalIterations();
        int[] order = null;
        int orderEpoch = -1;
        while (model.iteration() < total) {
            if (stopRequested.getAsBoolean()) {
                return Outcome.STOPPED;
            }
            long it = model.iteration();
            int epoch = (int) (it / perEpoch);
            if (epoch != orderEpoch) {
                order = permutation(data.size(), new SplittableRandom(settings.seed() * 31 + epoch));
                orderEpoch = epoch;
            }
            int[] epochOrder = order;
            LossPoint point = Workspaces.run(WORKSPACE, () -> step(epochOrder, (int) (it % perEpoch), it, epoch + 1));
            model.setIteration(it + 1);
            listener.onIteration(point);
            if ((it + 1) % perEpoch == 0) {
                listener.onEpochEnd(epoch + 1, model);
            }
        }
        return Outcome.COMPLETED;
    }

    private LossPoint step(int[] order, int stepInEpoch, long iteration, int epoch) {
        Network g = model.generator();
        Network d = model.discriminator();
        int batch = settings.batchSize();
        int k = settings.discriminatorSteps();
        float[] grad = new float[batch];
        double learningRateScale = settings.schedule().scale(iteration, totalIterations());
        double dLoss = 0;
        double dReal = 0;
        double dFake = 0;
        INDArray fake = null;
        for (int j = 0; j < k; j++) {
            int start = (stepInEpoch * k + j) * batch;
            int[] indices = java.util.Arrays.copyOfRange(order, start, start + batch);
            INDArray real = data.batch(indices);
            INDArray z = LatentNoise.sample(LatentNoise.stepSeed(settings.seed(), iteration * k + j), batch, model.latentDim());
            fake = g.forward(z, true);

            d.zeroGradients();
            float[] realLogits = d.forward(real, true).toFloatVector();
            dLoss = Logits.discriminatorLoss(realLogits, true, grad);
            d.backward(column(grad));
            float[] fakeLogits = d.forward(fake, true).toFloatVector();
            dLoss += Logits.discriminatorLoss(fakeLogits, false, grad);
            d.backward(column(grad));
            model.discriminatorOptimizer().step(learningRateScale);
            dReal = Logits.meanSigmoid(realLogits);
            dFake = Logits.meanSigmoid(fakeLogits);
        }

        // The generator's forward caches still belong to the last fake batch.
        float[] logits = d.forward(fake, true).toFloatVector();
        double gLoss = settings.loss().generatorLoss(logits, grad);
        INDArray gradFake = d.inputGradient(column(grad));
        g.zeroGradients();
        g.backward(gradFake);
        model.generatorOptimizer().step(learningRateScale);
        model.updateAverage();
        return new LossPoint(iteration + 1, epoch, dLoss, gLoss, dReal, dFake);
    }

    private static INDArray column(float[] values) {
        return Nd4j.create(values, new long[] {values.length, 1}, 'c');
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
