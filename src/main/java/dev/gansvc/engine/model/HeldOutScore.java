package dev.gansvc.engine.model;

/**
 * How well an autoencoder or VAE reconstructs examples it never trained on.
 *
 * @param examples            held-out examples measured
 * @param reconstructionError mean squared error per value, reconstructing from the code (a VAE's mean)
 * @param negativeElbo        a VAE's negative evidence lower bound per example, in nats (null otherwise)
 */
public record HeldOutScore(int examples, double reconstructionError, Double negativeElbo) {

    /** What validation curves track: the negative ELBO where there is one, else the reconstruction error. */
    public double loss() {
        return negativeElbo != null ? negativeElbo : reconstructionError;
    }
}
