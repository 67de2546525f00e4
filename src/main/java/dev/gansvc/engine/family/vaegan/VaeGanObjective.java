package dev.gansvc.engine.family.vaegan;

import dev.gansvc.engine.adversarial.AdversarialObjective;
import dev.gansvc.engine.adversarial.GanLoss;
import dev.gansvc.engine.adversarial.Logits;
import dev.gansvc.engine.data.Dataset;
import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.engine.model.HeldOutScore;
import dev.gansvc.engine.model.LossSeries;
import dev.gansvc.engine.model.NetworkUpdate;
import dev.gansvc.engine.model.Objective;
import dev.gansvc.engine.model.Step;
import dev.gansvc.engine.nn.Network;
import dev.gansvc.engine.variational.GaussianCode;
import dev.gansvc.engine.variational.VaeObjective;
import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * VAE-GAN (Larsen et al. 2016): a VAE whose decoder is also a GAN's generator. The
 * discriminator learns to tell real examples from reconstructions and from decoded prior
 * samples; the encoder learns the VAE's loss (reconstruction and KL); the decoder learns the
 * reconstruction loss plus the generator's non-saturating loss on both kinds of fake.
 *
 * <p>The reconstruction is measured in data space with the sigma-VAE's Gaussian (as in
 * {@link VaeObjective}), not in the discriminator's features as in the paper. The adversarial
 * gradient is weighted adaptively (as VQGAN, Esser et al. 2021, does): at the decoder's output
 * it is scaled to {@value #ADVERSARIAL_WEIGHT} times the reconstruction gradient's norm, so
 * neither drowns the other whatever the data's scale.
 */
public final class VaeGanObjective implements Objective {

    public static final List<LossSeries> SERIES = List.of(
            LossSeries.loss("dLoss", "D loss"), LossSeries.loss("gLoss", "G loss"),
            LossSeries.loss("reconstruction", "reconstruction MSE"), LossSeries.loss("kl", "KL"),
            LossSeries.probability("dFake", "D(fakes)"), LossSeries.loss("validationLoss", "held-out -ELBO"));

    static final double ADVERSARIAL_WEIGHT = 0.5;
    private static final int EPSILON = 1;
    private static final int PRIOR = 1;
    private static final double MIN_VARIANCE = 1e-6;

    private final VaeObjective vae = new VaeObjective();

    @Override
    public List<LossSeries> series() {
        return SERIES;
    }

    @Override
    public double[] step(GenerativeModel model, Step step) {
        Network encoder = model.network(GenerativeModel.ENCODER);
        Network decoder = model.generator();
        Network d = model.network(AdversarialObjective.DISCRIMINATOR);
        INDArray x = step.real(0);
        int n = (int) x.size(0);
        int latent = model.latentDim();
        GaussianCode code = new GaussianCode(encoder.forward(x, true), step.gaussian(0, EPSILON, n, latent));
        INDArray zPrior = step.noise(PRIOR, latent);
        float[] grad = new float[n];

        // Discriminator: real against reconstructions and prior samples, each fake kind half weight.
        INDArray reconstruction = decoder.forward(code.z, true).detach();
        INDArray prior = decoder.forward(zPrior, true).detach();
        NetworkUpdate judging = model.update(AdversarialObjective.DISCRIMINATOR, step);
        double dLoss = discriminatorTerm(d, x, true, 1, grad);
        dLoss += discriminatorTerm(d, reconstruction, false, 0.5, grad);
        dLoss += discriminatorTerm(d, prior, false, 0.5, grad);
        judging.apply();

        // Decoder on prior samples: the adversarial term alone.
        NetworkUpdate decoding = model.update(GenerativeModel.GENERATOR, step);
        float[] priorLogits = d.forward(prior, true).toFloatVector();
        double gLoss = 0.5 * GanLoss.NON_SATURATING.generatorLoss(priorLogits, grad);
        INDArray adversarialPrior =
                d.inputGradient(AdversarialObjective.column(grad)).muli(0.5);

        // Decoder and encoder on reconstructions: the VAE's loss, plus the adversarial term for the decoder.
        INDArray reconstructed = decoder.forward(code.z, true);
        INDArray error = reconstructed.sub(x);
        double mse = error.mul(error).meanNumber().doubleValue();
        double variance = Math.max(mse, MIN_VARIANCE);
        INDArray reconstructionGrad = error.divi(n * variance);
        float[] fakeLogits = d.forward(reconstructed, true).toFloatVector();
        gLoss += 0.5 * GanLoss.NON_SATURATING.generatorLoss(fakeLogits, grad);
        INDArray adversarial =
                d.inputGradient(AdversarialObjective.column(grad)).muli(0.5);
        double weight = ADVERSARIAL_WEIGHT * norm(reconstructionGrad) / (norm(adversarial) + 1e-8);

        INDArray gradZ = decoding.backward(reconstructionGrad);
        decoding.backward(adversarial.muli(weight));
        decoder.forward(zPrior, true);
        decoding.backward(adversarialPrior.muli(weight));
        NetworkUpdate encoding = model.update(GenerativeModel.ENCODER, step);
        encoding.backward(code.encoderGradient(gradZ, 1));
        encoding.apply();
        decoding.apply();
        double dFake = 0.5 * (Logits.meanSigmoid(fakeLogits) + Logits.meanSigmoid(priorLogits));
        return new double[] {dLoss, gLoss, mse, code.meanKl(), dFake, Double.NaN};
    }

    /** The held-out score of the VAE inside: reconstruction error and negative ELBO. */
    @Override
    public Optional<HeldOutScore> evaluate(GenerativeModel model, Dataset data, int[] heldOut) {
        return vae.evaluate(model, data, heldOut);
    }

    private static double discriminatorTerm(Network d, INDArray examples, boolean real, double weight, float[] grad) {
        float[] logits = d.forward(examples, true).toFloatVector();
        double loss = Logits.discriminatorLoss(logits, real ? 1 : 0, grad);
        d.backward(AdversarialObjective.column(grad).muli(weight));
        return weight * loss;
    }

    private static double norm(INDArray a) {
        return a.norm2Number().doubleValue();
    }
}
