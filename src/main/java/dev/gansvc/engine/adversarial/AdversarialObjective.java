package dev.gansvc.engine.adversarial;

import dev.gansvc.engine.model.Conditioning;
import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.engine.model.LossSeries;
import dev.gansvc.engine.model.ModelShape;
import dev.gansvc.engine.model.NetworkUpdate;
import dev.gansvc.engine.model.Objective;
import dev.gansvc.engine.model.OptionValues;
import dev.gansvc.engine.model.Step;
import dev.gansvc.engine.model.TrainingSettings;
import dev.gansvc.engine.nn.Network;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The original GAN game (Goodfellow et al. 2014, Algorithm 1): per generator step, {@code k}
 * discriminator steps on a real and a fake batch, each with binary cross-entropy, then one
 * generator step on the last fake batch through the updated discriminator. Class-conditional
 * models give the generator the label as input and read the discriminator's verdict at it
 * ({@link LabelReadout}); the fake batch borrows the real batch's labels.
 * With PacGAN packing the discriminator judges packs of consecutive examples side by side, all
 * real or all fake, so that a generator short of variety shows it within a pack.
 * With R1 ({@link R1Penalty}) the discriminator also keeps its input gradient small at real
 * examples. With two time-scale updates the discriminator's learning rate is a multiple of the
 * generator's. With one-sided label smoothing the discriminator's target for real examples is
 * below 1.
 */
public final class AdversarialObjective implements Objective {

    public static final List<LossSeries> SERIES = List.of(
            LossSeries.loss("dLoss", "D loss"), LossSeries.loss("gLoss", "G loss"),
            LossSeries.probability("dReal", "D(x)"), LossSeries.probability("dFake", "D(G(z))"));

    public static final String DISCRIMINATOR = "discriminator";

    private final int discriminatorSteps;
    private final GanLoss loss;
    private final R1Penalty r1;
    private final double discriminatorLearningRate;
    private final double realTarget;

    /**
     * @param r1 the R1 penalty; {@link R1Penalty#NONE} for none
     * @param discriminatorLearningRate the discriminator's learning rate as a multiple of the generator's
     * @param labelSmoothing how far below 1 the discriminator's target for real examples is
     */
    public AdversarialObjective(
            int discriminatorSteps,
            GanLoss loss,
            R1Penalty r1,
            double discriminatorLearningRate,
            double labelSmoothing) {
        this.discriminatorSteps = discriminatorSteps;
        this.loss = loss;
        this.r1 = r1;
        this.discriminatorLearningRate = discriminatorLearningRate;
        this.realTarget = 1 - labelSmoothing;
    }

    /** The objective with the settings' {@link AdversarialOptions}; without R1 where the family reads none. */
    public static AdversarialObjective of(TrainingSettings settings) {
        OptionValues o = settings.options();
        return new AdversarialObjective(
                o.get(AdversarialOptions.DISCRIMINATOR_STEPS),
                GanLoss.fromId(o.get(AdversarialOptions.LOSS)),
                R1Penalty.of(o),
                o.has(AdversarialOptions.DISCRIMINATOR_LEARNING_RATE)
                        ? o.get(AdversarialOptions.DISCRIMINATOR_LEARNING_RATE)
                        : 1,
                o.has(AdversarialOptions.LABEL_SMOOTHING) ? o.get(AdversarialOptions.LABEL_SMOOTHING) : 0);
    }

    @Override
    public List<LossSeries> series() {
        return SERIES;
    }

    @Override
    public int batchesPerStep() {
        return discriminatorSteps;
    }

    @Override
    public double[] step(GenerativeModel model, Step step) {
        Network g = model.generator();
        Network d = model.network(DISCRIMINATOR);
        ModelShape shape = model.shape();
        int classes = shape.labelCount();
        int packing = shape.packing();
        float[] grad = new float[step.batchSize() / packing];
        double dLoss = 0;
        double dReal = 0;
        double dFake = 0;
        INDArray fake = null;
        LabelReadout readout = null;
        for (int j = 0; j < discriminatorSteps; j++) {
            int[] labels = step.labels(j);
            readout = new LabelReadout(labels, classes, packing);
            INDArray real = pack(step.real(j), packing);
            INDArray z = Conditioning.generatorInput(step.noise(j, shape.latentDim()), labels, classes);
            fake = g.forward(z, true);

            INDArray fakes = pack(fake, packing);
            NetworkUpdate dUpdate = model.update(DISCRIMINATOR, step, discriminatorLearningRate);
            Judgement judged = d.examplesIndependent()
                    ? judgeTogether(d, real, fakes, readout, realTarget, grad)
                    : judgeApart(d, real, fakes, readout, realTarget, grad);
            r1.addGradientIfDue(d, real, readout, step, step.iteration() * discriminatorSteps + j);
            dUpdate.apply();
            dLoss = judged.loss();
            dReal = Logits.meanSigmoid(judged.real());
            dFake = Logits.meanSigmoid(judged.fake());
        }

        // The generator's forward caches (and the readout's labels) still belong to the last fake batch.
        float[] logits = readout.logits(d.forward(pack(fake, packing), true));
        double gLoss = loss.generatorLoss(logits, grad);
        INDArray gradFake = unpack(d.inputGradient(readout.outputGradient(grad)), fake.shape());
        NetworkUpdate gUpdate = model.update(GenerativeModel.GENERATOR, step);
        gUpdate.backward(gradFake);
        gUpdate.apply();
        return new double[] {dLoss, gLoss, dReal, dFake};
    }

    /**
     * The real and the fake batch through the discriminator as one batch, forward and back:
     * the same gradients as two passes when no layer mixes examples, in half the calls.
     * Leaves the gradients accumulated in {@code d}.
     */
    static Judgement judgeTogether(
            Network d, INDArray real, INDArray fakes, LabelReadout readout, double realTarget, float[] grad) {
        int n = (int) real.size(0);
        LabelReadout both = readout.twice();
        float[] logits = both.logits(d.forward(Nd4j.concat(0, real, fakes), true));
        float[] realLogits = Arrays.copyOfRange(logits, 0, n);
        float[] fakeLogits = Arrays.copyOfRange(logits, n, logits.length);
        float[] bothGradients = new float[logits.length];
        double loss = Logits.discriminatorLoss(realLogits, realTarget, grad);
        System.arraycopy(grad, 0, bothGradients, 0, n);
        loss += Logits.discriminatorLoss(fakeLogits, 0, grad);
        System.arraycopy(grad, 0, bothGradients, n, n);
        d.backward(both.outputGradient(bothGradients));
        return new Judgement(realLogits, fakeLogits, loss);
    }

    /** One pass per batch, for discriminators whose batch norms must see real and fake examples apart. */
    static Judgement judgeApart(
            Network d, INDArray real, INDArray fakes, LabelReadout readout, double realTarget, float[] grad) {
        float[] realLogits = readout.logits(d.forward(real, true));
        double loss = Logits.discriminatorLoss(realLogits, realTarget, grad);
        d.backward(readout.outputGradient(grad));
        float[] fakeLogits = readout.logits(d.forward(fakes, true));
        loss += Logits.discriminatorLoss(fakeLogits, 0, grad);
        d.backward(readout.outputGradient(grad));
        return new Judgement(realLogits, fakeLogits, loss);
    }

    /** A discriminator's logits on a real and a fake batch, and its loss on both. */
    record Judgement(float[] real, float[] fake, double loss) {}

    /** {@code m} consecutive examples side by side as one: [n, c, ...] to [n / m, m * c, ...]. */
    static INDArray pack(INDArray examples, int m) {
        if (m == 1) {
            return examples;
        }
        long[] packed = examples.shape().clone();
        packed[0] /= m;
        packed[1] *= m;
        return examples.dup('c').reshape('c', packed);
    }

    /** The inverse of {@link #pack}: packs back to examples of {@code shape}. */
    static INDArray unpack(INDArray packs, long[] shape) {
        return packs.size(0) == shape[0] ? packs : packs.dup('c').reshape('c', shape);
    }

    /** Per-example values as an [n, 1] column, the shape of a discriminator's output. */
    public static INDArray column(float[] values) {
        return Nd4j.create(values, new long[] {values.length, 1}, 'c');
    }
}
