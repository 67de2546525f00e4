package dev.gansvc.engine.family.autoencoder;

import dev.gansvc.engine.data.Dataset;
import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.engine.model.HeldOutScore;
import dev.gansvc.engine.model.LossSeries;
import dev.gansvc.engine.model.NetworkUpdate;
import dev.gansvc.engine.model.Objective;
import dev.gansvc.engine.model.Step;
import dev.gansvc.engine.nn.Network;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains an encoder and a decoder (the model's generator) to reproduce their input, by mean
 * squared error; the denoising variant sees its input with Gaussian noise added and must
 * reproduce the clean one. The loss on held-out examples is recorded at each epoch's end.
 */
public final class AutoencoderObjective implements Objective {

    public static final List<LossSeries> SERIES =
            List.of(LossSeries.loss("loss", "training MSE"), LossSeries.loss("validationLoss", "held-out MSE"));

    private static final int CORRUPTION = 2;
    private static final int EVALUATION_BATCH = 500;

    private final double noiseLevel;

    /** @param noiseLevel std of the noise added to inputs; 0 for a plain autoencoder */
    public AutoencoderObjective(double noiseLevel) {
        this.noiseLevel = noiseLevel;
    }

    @Override
    public List<LossSeries> series() {
        return SERIES;
    }

    @Override
    public double[] step(GenerativeModel model, Step step) {
        Network encoder = model.network(GenerativeModel.ENCODER);
        Network decoder = model.generator();
        INDArray x = step.real(0);
        INDArray input =
                noiseLevel > 0 ? x.add(step.gaussian(0, CORRUPTION, x.shape()).muli(noiseLevel)) : x;
        INDArray error = decoder.forward(encoder.forward(input, true), true).subi(x);
        double mse = error.mul(error).meanNumber().doubleValue();
        NetworkUpdate decoding = model.update(GenerativeModel.GENERATOR, step);
        NetworkUpdate encoding = model.update(GenerativeModel.ENCODER, step);
        encoding.backward(decoding.backward(error.muli(2.0 / error.length())));
        encoding.apply();
        decoding.apply();
        return new double[] {mse, Double.NaN};
    }

    /** Mean squared error reconstructing clean held-out examples from clean inputs. */
    @Override
    public Optional<HeldOutScore> evaluate(GenerativeModel model, Dataset data, int[] heldOut) {
        if (heldOut.length == 0) {
            return Optional.empty();
        }
        double squared = 0;
        long values = 0;
        for (int from = 0; from < heldOut.length; from += EVALUATION_BATCH) {
            INDArray x =
                    data.batch(Arrays.copyOfRange(heldOut, from, Math.min(heldOut.length, from + EVALUATION_BATCH)));
            INDArray e = reconstruct(model, x).subi(x);
            squared += e.mul(e).sumNumber().doubleValue();
            values += x.length();
        }
        return Optional.of(new HeldOutScore(heldOut.length, squared / values, null));
    }

    /** The model's reconstructions of examples, in inference mode. */
    public static INDArray reconstruct(GenerativeModel model, INDArray examples) {
        return model.generator().forward(model.network(GenerativeModel.ENCODER).forward(examples, false), false);
    }
}
