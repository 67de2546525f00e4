package dev.gansvc.engine.variational;

import dev.gansvc.engine.data.Dataset;
import dev.gansvc.engine.data.FeatureScaling;
import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.engine.model.HeldOutScore;
import dev.gansvc.engine.model.LossSeries;
import dev.gansvc.engine.model.ModelShape;
import dev.gansvc.engine.model.NetworkUpdate;
import dev.gansvc.engine.model.Objective;
import dev.gansvc.engine.model.Reconstructor;
import dev.gansvc.engine.model.Step;
import dev.gansvc.engine.nn.Network;
import dev.gansvc.engine.nn.Tensors;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The variational autoencoder (Kingma and Welling 2014): an encoder with mean and
 * log-variance heads, a reparameterised sample z, and the decoder (the model's generator)
 * trained on the negative ELBO, reconstruction plus KL(q(z|x) || N(0, I)). Samples decode
 * points of the prior N(0, I), or of a {@code CodeDensity} fitted to the code means.
 *
 * <p>The likelihood is Gaussian with one variance shared by every value, set to its
 * maximum-likelihood value, the batch's mean squared error (the "sigma-VAE", Rybkin et al.
 * 2021): no weight between the two terms to tune, for images and tables alike.
 */
public final class VaeObjective implements Objective {

    public static final List<LossSeries> SERIES = List.of(
            LossSeries.loss("loss", "-ELBO"), LossSeries.loss("reconstruction", "reconstruction MSE"),
            LossSeries.loss("kl", "KL"), LossSeries.loss("validationLoss", "held-out -ELBO"));

    private static final int EPSILON = 1;
    private static final int EVALUATION_BATCH = 500;
    private static final double LOG_2_PI = Math.log(2 * Math.PI);
    private static final double MIN_VARIANCE = 1e-6;

    @Override
    public List<LossSeries> series() {
        return SERIES;
    }

    @Override
    public double[] step(GenerativeModel model, Step step) {
        Network encoder = model.network(GenerativeModel.ENCODER);
        Network decoder = model.generator();
        INDArray x = step.real(0);
        int n = (int) x.size(0);
        GaussianCode code = new GaussianCode(encoder.forward(x, true), step.gaussian(0, EPSILON, n, model.latentDim()));
        INDArray reconstruction = decoder.forward(code.z, true);
        INDArray error = reconstruction.sub(x);
        int features = (int) (error.length() / n);
        double mse = error.mul(error).meanNumber().doubleValue();
        double variance = Math.max(mse, MIN_VARIANCE);
        double kl = code.meanKl();
        double loss = gaussianNll(features, variance) + kl;

        NetworkUpdate decoding = model.update(GenerativeModel.GENERATOR, step);
        INDArray gradZ = decoding.backward(error.divi(n * variance));
        NetworkUpdate encoding = model.update(GenerativeModel.ENCODER, step);
        encoding.backward(code.encoderGradient(gradZ, 1));
        encoding.apply();
        decoding.apply();
        return new double[] {loss, mse, kl, Double.NaN};
    }

    /**
     * Held-out reconstruction error (decoding each example's mean code) and negative ELBO
     * (one reparameterised sample per example, noise fixed by the example's index, with the
     * variance that fits the held-out errors best).
     */
    @Override
    public Optional<HeldOutScore> evaluate(GenerativeModel model, Dataset data, int[] heldOut) {
        if (heldOut.length == 0) {
            return Optional.empty();
        }
        Network encoder = model.network(GenerativeModel.ENCODER);
        Network decoder = model.generator();
        double squaredFromMean = 0;
        double squaredFromSample = 0;
        double kl = 0;
        long values = 0;
        for (int from = 0; from < heldOut.length; from += EVALUATION_BATCH) {
            int[] indices = Arrays.copyOfRange(heldOut, from, Math.min(heldOut.length, from + EVALUATION_BATCH));
            INDArray x = data.batch(indices);
            INDArray eps = Tensors.gaussian(new SplittableRandom(indices[0]), 0, 1, indices.length, model.latentDim());
            GaussianCode code = new GaussianCode(encoder.forward(x, false), eps);
            squaredFromMean += squaredError(decoder.forward(code.mean, false), x);
            squaredFromSample += squaredError(decoder.forward(code.z, false), x);
            kl += code.meanKl() * indices.length;
            values += x.length();
        }
        int features = (int) (values / heldOut.length);
        double variance = Math.max(squaredFromSample / values, MIN_VARIANCE);
        return Optional.of(new HeldOutScore(
                heldOut.length, squaredFromMean / values, gaussianNll(features, variance) + kl / heldOut.length));
    }

    /** The encoder and decoder frozen for reconstructions, decoding the mean of the code. */
    public static Reconstructor reconstructor(
            ModelShape shape, Map<String, Network> networks, Optional<FeatureScaling> scaling) {
        return new Reconstructor(
                shape, networks.get(GenerativeModel.ENCODER), networks.get(GenerativeModel.GENERATOR), true, scaling);
    }

    /** -log N(x | x', variance I) per example when the mean squared error equals the variance. */
    private static double gaussianNll(int features, double variance) {
        return 0.5 * features * (LOG_2_PI + Math.log(variance) + 1);
    }

    private static double squaredError(INDArray reconstruction, INDArray x) {
        INDArray e = reconstruction.sub(x);
        return e.mul(e).sumNumber().doubleValue();
    }
}
