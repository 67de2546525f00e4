package dev.gansvc.engine.family.ebgan;

import dev.gansvc.engine.model.Conditioning;
import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.engine.model.LossSeries;
import dev.gansvc.engine.model.NetworkUpdate;
import dev.gansvc.engine.model.Objective;
import dev.gansvc.engine.model.Step;
import dev.gansvc.engine.nn.Network;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The energy-based GAN (Zhao, Mathieu and LeCun 2017): the discriminator is an autoencoder
 * whose energy D(x) is its reconstruction error (mean squared, per example). It learns low
 * energy on real data and energy of at least the margin m on fakes,
 * L_D = D(x) + max(0, m - D(G(z))); the generator lowers the energy of its samples,
 * L_G = D(G(z)), plus a weighted pulling-away term: the mean squared cosine similarity between
 * the discriminator's codes of different fakes, which penalises a batch of look-alikes. A model
 * conditioned on clusters of its examples tells the generator and the discriminator's decoder the
 * cluster (the fakes borrow the real batch's), so that a fake is reconstructed, and judged, as an
 * example of its cluster.
 */
public final class EnergyObjective implements Objective {

    public static final String ENCODER = "discriminatorEncoder";
    public static final String DECODER = "discriminatorDecoder";
    public static final List<LossSeries> SERIES = List.of(
            LossSeries.loss("dLoss", "D loss"),
            LossSeries.loss("gLoss", "G loss"),
            LossSeries.loss("realEnergy", "D(x)"),
            LossSeries.loss("fakeEnergy", "D(G(z))"),
            LossSeries.loss("pullAway", "pulling-away term"));

    private final int discriminatorSteps;
    private final double margin;
    private final double pullAwayWeight;

    public EnergyObjective(int discriminatorSteps, double margin, double pullAwayWeight) {
        this.discriminatorSteps = discriminatorSteps;
        this.margin = margin;
        this.pullAwayWeight = pullAwayWeight;
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
        Network encoder = model.network(ENCODER);
        Network decoder = model.network(DECODER);
        double dLoss = 0;
        double realEnergy = 0;
        double fakeEnergy = 0;
        int clusters = model.shape().labelCount();
        INDArray fake = null;
        int[] labels = null;
        for (int j = 0; j < discriminatorSteps; j++) {
            INDArray real = step.real(j);
            labels = step.labels(j);
            fake = g.forward(Conditioning.generatorInput(step.noise(j, model.latentDim()), labels, clusters), true);
            NetworkUpdate encoding = model.update(ENCODER, step);
            NetworkUpdate decoding = model.update(DECODER, step);
            Energy onReal = energy(encoder, decoder, real, labels, clusters);
            encoder.backward(onReal.codeGradient(decoder.backward(onReal.gradient(null))));
            Energy onFake = energy(encoder, decoder, fake, labels, clusters);
            // The hinge pushes up only the fakes still below the margin.
            INDArray below = Transforms.step(onFake.perExample.rsub(margin), false);
            encoder.backward(onFake.codeGradient(decoder.backward(onFake.gradient(below.neg()))));
            encoding.apply();
            decoding.apply();
            realEnergy = onReal.mean();
            fakeEnergy = onFake.mean();
            dLoss = realEnergy
                    + Transforms.relu(onFake.perExample.rsub(margin), true)
                            .meanNumber()
                            .doubleValue();
        }

        // The generator's forward caches (and the labels) still belong to the last fake batch.
        Energy onFake = energy(encoder, decoder, fake, labels, clusters);
        INDArray gradCode = onFake.codeGradient(decoder.inputGradient(onFake.gradient(null)));
        double pullAway = 0;
        if (pullAwayWeight > 0) {
            PullAway pt = PullAway.of(onFake.code);
            pullAway = pt.value;
            gradCode.addi(pt.gradient.muli(pullAwayWeight));
        }
        // The energy depends on the fake twice: as the autoencoder's input and as its target.
        INDArray gradFake =
                encoder.inputGradient(gradCode).subi(onFake.gradient(null).reshape(fake.shape()));
        NetworkUpdate generatorUpdate = model.update(GenerativeModel.GENERATOR, step);
        generatorUpdate.backward(gradFake);
        generatorUpdate.apply();
        return new double[] {dLoss, onFake.mean() + pullAwayWeight * pullAway, realEnergy, fakeEnergy, pullAway};
    }

    /** The energy of examples of these clusters (0 clusters: unconditioned), whose decoder is told the cluster. */
    private static Energy energy(Network encoder, Network decoder, INDArray x, int[] labels, int clusters) {
        INDArray code = encoder.forward(x, true);
        INDArray error = decoder.forward(Conditioning.generatorInput(code, labels, clusters), true)
                .sub(x);
        int n = (int) x.size(0);
        INDArray rows = error.reshape('c', n, -1);
        return new Energy(code, error, rows.mul(rows).mean(1).reshape(n, 1));
    }

    /** The autoencoder's code and reconstruction error for a batch, and each example's energy. */
    private record Energy(INDArray code, INDArray error, INDArray perExample) {

        double mean() {
            return perExample.meanNumber().doubleValue();
        }

        /** The code's part of a gradient for the decoder's input, which may end in the one-hot cluster. */
        INDArray codeGradient(INDArray decoderInputGradient) {
            return Conditioning.withoutLabels(decoderInputGradient, code.size(1));
        }

        /**
         * d/d(reconstruction) of the batch mean of w_i * energy_i, with weights w ([n, 1]) or
         * all ones when null.
         */
        INDArray gradient(INDArray weights) {
            long n = error.size(0);
            INDArray rows = error.reshape('c', n, -1);
            INDArray g = rows.mul(2.0 / rows.length());
            return (weights == null ? g : g.muliColumnVector(weights)).reshape('c', error.shape());
        }
    }

    /** The pulling-away term of codes S, [n, c]: mean over pairs i != j of cos^2(S_i, S_j), and its gradient. */
    record PullAway(double value, INDArray gradient) {

        static PullAway of(INDArray codes) {
            int n = (int) codes.size(0);
            INDArray norms =
                    Transforms.sqrt(codes.mul(codes).sum(1).addi(1e-12), false).reshape(n, 1);
            INDArray unit = codes.divColumnVector(norms);
            INDArray cos = unit.mmul(unit.transpose());
            INDArray offDiagonal = cos.sub(Nd4j.eye(n).castTo(cos.dataType()).muli(cos));
            double pairs = (double) n * (n - 1);
            double value = offDiagonal.mul(offDiagonal).sumNumber().doubleValue() / pairs;
            // d/d unit = 4/pairs * C_offdiag unit; then through s / |s|: (g - u (u . g)) / |s|.
            INDArray gradUnit = offDiagonal.mmul(unit).muli(4 / pairs);
            INDArray along = gradUnit.mul(unit).sum(1).reshape(n, 1);
            INDArray gradient = gradUnit.subi(unit.mulColumnVector(along)).divColumnVector(norms);
            return new PullAway(value, gradient);
        }
    }
}
