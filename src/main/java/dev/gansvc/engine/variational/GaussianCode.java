package dev.gansvc.engine.variational;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A VAE encoder's output for a batch, [n, 2 * latent]: the mean head's values in the first half
 * of the columns, the log-variance head's in the second (one linear layer computes both heads).
 * Reparameterised: z = mean + exp(logVariance / 2) * eps, so gradients reach both heads.
 */
public final class GaussianCode {

    /** Keeps exp(logVariance) finite early in training. */
    private static final double MAX_LOG_VARIANCE = 20;

    public final INDArray mean;
    public final INDArray logVariance;
    private final INDArray eps;
    private final INDArray std;
    public final INDArray z;

    public GaussianCode(INDArray encoded, INDArray eps) {
        long latent = encoded.size(1) / 2;
        this.mean = encoded.get(NDArrayIndex.all(), NDArrayIndex.interval(0, latent))
                .dup('c');
        this.logVariance = Transforms.min(
                encoded.get(NDArrayIndex.all(), NDArrayIndex.interval(latent, 2 * latent))
                        .dup('c'),
                MAX_LOG_VARIANCE,
                false);
        this.eps = eps;
        this.std = Transforms.exp(logVariance.mul(0.5), false);
        this.z = mean.add(std.mul(eps));
    }

    /** KL(q(z|x) || N(0, I)) per example, averaged over the batch. */
    public double meanKl() {
        INDArray terms = logVariance.add(1).subi(mean.mul(mean)).subi(Transforms.exp(logVariance, true));
        return -0.5 * terms.sumNumber().doubleValue() / mean.size(0);
    }

    /**
     * The gradient with respect to the encoder's output of (batch mean of) reconstruction loss,
     * given its gradient {@code gradZ} with respect to z, plus {@code klWeight} times the KL.
     */
    public INDArray encoderGradient(INDArray gradZ, double klWeight) {
        double perExample = klWeight / mean.size(0);
        INDArray gradMean = gradZ.add(mean.mul(perExample));
        INDArray gradLogVariance = gradZ.mul(eps)
                .muli(std)
                .muli(0.5)
                .addi(Transforms.exp(logVariance, true).subi(1).muli(0.5 * perExample));
        return Nd4j.hstack(gradMean, gradLogVariance);
    }
}
