package dev.gansvc.engine.model;

/**
 * Settings that only some objectives read.
 *
 * @param noiseLevel      std of the Gaussian noise a denoising autoencoder adds to its inputs
 * @param margin          an energy-based GAN's margin m on the energy of fakes
 * @param pullAwayWeight  weight of an energy-based GAN's pulling-away term (0: off)
 * @param gradientPenalty lambda of WGAN-GP's gradient penalty
 */
public record ObjectiveOptions(double noiseLevel, double margin, double pullAwayWeight, double gradientPenalty) {

    public static final ObjectiveOptions DEFAULTS = new ObjectiveOptions(0, 1, 0.1, 10);
}
