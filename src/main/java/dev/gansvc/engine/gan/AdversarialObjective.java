package dev.gansvc.engine.gan;

import dev.gansvc.engine.model.Conditioning;
import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.engine.model.LossSeries;
import dev.gansvc.engine.model.ModelShape;
import dev.gansvc.engine.model.Objective;
import dev.gansvc.engine.model.Step;
import dev.gansvc.engine.nn.Network;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The original GAN game (Goodfellow et al. 2014, Algorithm 1): per generator step, {@code k}
 * discriminator steps on a real and a fake batch, each with binary cross-entropy, then one
 * generator step on the last fake batch through the updated discriminator. Class-conditional
 * models show both networks the label (the fake batch borrows the real batch's labels).
 * With PacGAN packing the discriminator judges packs of consecutive examples side by side, all
 * real or all fake, so that a generator short of variety shows it within a pack.
 */
public final class AdversarialObjective implements Objective {

    public static final List<LossSeries> SERIES = List.of(
            LossSeries.loss("dLoss", "D loss"), LossSeries.loss("gLoss", "G loss"),
            LossSeries.probability("dReal", "D(x)"), LossSeries.probability("dFake", "D(G(z))"));

    public static final String DISCRIMINATOR = "discriminator";

    private final int discriminatorSteps;
    private final GanLoss loss;

    public AdversarialObjective(int discriminatorSteps, GanLoss loss) {
        this.discriminatorSteps = discriminatorSteps;
        this.loss = loss;
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
        int[] labels = null;
        for (int j = 0; j < discriminatorSteps; j++) {
            labels = step.labels(j);
            INDArray real = pack(Conditioning.examplesWithLabels(step.real(j), labels, classes), packing);
            INDArray z = Conditioning.generatorInput(step.noise(j, shape.latentDim()), labels, classes);
            fake = g.forward(z, true);

            d.zeroGradients();
            float[] realLogits = d.forward(real, true).toFloatVector();
            dLoss = Logits.discriminatorLoss(realLogits, true, grad);
            d.backward(column(grad));
            float[] fakeLogits = d.forward(pack(Conditioning.examplesWithLabels(fake, labels, classes), packing), true)
                    .toFloatVector();
            dLoss += Logits.discriminatorLoss(fakeLogits, false, grad);
            d.backward(column(grad));
            model.optimizer(DISCRIMINATOR).step(step.learningRateScale());
            dReal = Logits.meanSigmoid(realLogits);
            dFake = Logits.meanSigmoid(fakeLogits);
        }

        // The generator's forward caches still belong to the last fake batch.
        INDArray judged = Conditioning.examplesWithLabels(fake, labels, classes);
        float[] logits = d.forward(pack(judged, packing), true).toFloatVector();
        double gLoss = loss.generatorLoss(logits, grad);
        INDArray gradJudged = unpack(d.inputGradient(column(grad)), judged.shape());
        INDArray gradFake = Conditioning.exampleGradient(gradJudged, shape.exampleShape(), classes);
        g.zeroGradients();
        g.backward(gradFake);
        model.optimizer(GenerativeModel.GENERATOR).step(step.learningRateScale());
        model.updateAverage();
        return new double[] {dLoss, gLoss, dReal, dFake};
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
