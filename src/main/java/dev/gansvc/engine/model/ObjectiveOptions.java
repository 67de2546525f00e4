package dev.gansvc.engine.model;

/**
 * Settings that only some objectives read.
 *
 * @param noiseLevel      std of the Gaussian noise a denoising autoencoder adds to its inputs
 * @param margin          an energy-based GAN's margin m on the energy of fakes
 * @param pullAwayWeight  weight of an energy-based GAN's pulling-away term (0: off)
 * @param gradientPenalty lambda of WGAN-GP's gradient penalty
 * @param r1Gamma         gamma of the R1 penalty on a classifying discriminator's input gradient
 *                        at real examples (0: off)
 * @param r1Until         the share of the run's steps, from the start, during which R1 applies (1: all)
 */
public record ObjectiveOptions(double noiseLevel, double margin, double pullAwayWeight, double gradientPenalty,
        double r1Gamma, double r1Until) {

    public static final ObjectiveOptions DEFAULTS = new ObjectiveOptions(0, 1, 0.1, 10, 0, 1);

    /** These options with R1's gamma and its share of the run set. */
    public ObjectiveOptions withR1(double gamma, double until) {
        return new ObjectiveOptions(noiseLevel, margin, pullAwayWeight, gradientPenalty, gamma, until);
    }
}
