package dev.gansvc.engine.gan;

import dev.gansvc.engine.model.Conditioning;
import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.engine.model.LossSeries;
import dev.gansvc.engine.model.ModelShape;
import dev.gansvc.engine.model.Objective;
import dev.gansvc.engine.model.Step;
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
 * With R1 (Mescheder et al. 2018) the discriminator also minimises (gamma / 2) |grad_x D(x)|^2
 * at real examples, which damps the oscillation of the game; as in StyleGAN2 the penalty is
 * applied every {@value #R1_INTERVAL} steps, scaled by that interval, at a fraction of the cost;
 * it may be limited to the first part of the run, where it keeps a young generator from
 * collapsing, so that the rest of the run sharpens the samples without it.
 */
public final class AdversarialObjective implements Objective {

    public static final List<LossSeries> SERIES = List.of(
            LossSeries.loss("dLoss", "D loss"), LossSeries.loss("gLoss", "G loss"),
            LossSeries.probability("dReal", "D(x)"), LossSeries.probability("dFake", "D(G(z))"));

    public static final String DISCRIMINATOR = "discriminator";

    static final int R1_INTERVAL = 4;

    private final int discriminatorSteps;
    private final GanLoss loss;
    private final double r1Gamma;
    private final double r1Until;

    /**
     * @param r1Gamma the R1 penalty's gamma, 0 for none; needs a discriminator without batch norm
     * @param r1Until the share of the run, from the start, during which R1 applies
     */
    public AdversarialObjective(int discriminatorSteps, GanLoss loss, double r1Gamma, double r1Until) {
        this.discriminatorSteps = discriminatorSteps;
        this.loss = loss;
        this.r1Gamma = r1Gamma;
        this.r1Until = r1Until;
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
        int classes = shape.classCount();
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
            d.zeroGradients();
            Judgement judged = d.examplesIndependent() ? judgeTogether(d, real, fakes, readout, grad)
                    : judgeApart(d, real, fakes, readout, grad);
            if (r1Gamma > 0 && step.progress() < r1Until
                    && (step.iteration() * discriminatorSteps + j) % R1_INTERVAL == 0) {
                addR1Gradient(d, real, readout, r1Gamma * R1_INTERVAL);
            }
            model.optimizer(DISCRIMINATOR).step(step.learningRateScale());
            dLoss = judged.loss();
            dReal = Logits.meanSigmoid(judged.real());
            dFake = Logits.meanSigmoid(judged.fake());
        }

        // The generator's forward caches (and the readout's labels) still belong to the last fake batch.
        float[] logits = readout.logits(d.forward(pack(fake, packing), true));
        double gLoss = loss.generatorLoss(logits, grad);
        INDArray gradFake = unpack(d.inputGradient(readout.outputGradient(grad)), fake.shape());
        g.zeroGradients();
        g.backward(gradFake);
        model.optimizer(GenerativeModel.GENERATOR).step(step.learningRateScale());
        model.updateAverage();
        return new double[] {dLoss, gLoss, dReal, dFake};
    }

    /**
     * The real and the fake batch through the discriminator as one batch, forward and back:
     * the same gradients as two passes when no layer mixes examples, in half the calls.
     * Leaves the gradients accumulated in {@code d}.
     */
    static Judgement judgeTogether(Network d, INDArray real, INDArray fakes, LabelReadout readout, float[] grad) {
        int n = (int) real.size(0);
        LabelReadout both = readout.twice();
        float[] logits = both.logits(d.forward(Nd4j.concat(0, real, fakes), true));
        float[] realLogits = Arrays.copyOfRange(logits, 0, n);
        float[] fakeLogits = Arrays.copyOfRange(logits, n, logits.length);
        float[] bothGradients = new float[logits.length];
        double loss = Logits.discriminatorLoss(realLogits, true, grad);
        System.arraycopy(grad, 0, bothGradients, 0, n);
        loss += Logits.discriminatorLoss(fakeLogits, false, grad);
        System.arraycopy(grad, 0, bothGradients, n, n);
        d.backward(both.outputGradient(bothGradients));
        return new Judgement(realLogits, fakeLogits, loss);
    }

    /** One pass per batch, for discriminators whose batch norms must see real and fake examples apart. */
    static Judgement judgeApart(Network d, INDArray real, INDArray fakes, LabelReadout readout, float[] grad) {
        float[] realLogits = readout.logits(d.forward(real, true));
        double loss = Logits.discriminatorLoss(realLogits, true, grad);
        d.backward(readout.outputGradient(grad));
        float[] fakeLogits = readout.logits(d.forward(fakes, true));
        loss += Logits.discriminatorLoss(fakeLogits, false, grad);
        d.backward(readout.outputGradient(grad));
        return new Judgement(realLogits, fakeLogits, loss);
    }

    /**
     * Adds to {@code d}'s gradients those of (gamma / 2) mean_i |grad_x D(x_i)|^2 over the real
     * batch, D(x_i) the logit that {@code readout} reads; returns the penalty.
     */
    static double addR1Gradient(Network d, INDArray real, LabelReadout readout, double gamma) {
        if (!d.examplesIndependent()) {
            throw new IllegalArgumentException("R1 needs a discriminator that judges each example on its own (no batch norm)");
        }
        int n = (int) real.size(0);
        d.forward(real, true);
        float[] ones = new float[n];
        Arrays.fill(ones, 1);
        INDArray inputGradient = d.recordInputGradient(readout.outputGradient(ones).castTo(real.dataType()));
        double penalty = gamma / 2 * inputGradient.mul(inputGradient).sumNumber().doubleValue() / n;
        // d/dg of (gamma / 2n) sum |g_i|^2 is (gamma / n) g.
        d.backwardThroughInputGradient(inputGradient.mul(gamma / n));
        return penalty;
    }

    /** A discriminator's logits on a real and a fake batch, and its loss on both. */
    record Judgement(float[] real, float[] fake, double loss) {
    }

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
