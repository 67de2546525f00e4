package dev.gansvc.engine.adversarial;

import dev.gansvc.engine.model.OptimizerSettings;
import dev.gansvc.engine.model.Recipe;

/** Settings that the GANs with a classifying discriminator share, by kind of data. */
public final class AdversarialRecipes {

    private static final double BETA2 = OptimizerSettings.DEFAULT_BETA2;

    /**
     * DCGAN's published settings (Radford et al. 2015), for 28x28 images, for 15 epochs rather
     * than 5 and sampling a 0.999 moving average of the generator's weights: on the bundled
     * digits a conditional model's digit-classifier confidence went from 0.90 to 0.97 and its
     * label agreement from 0.87 to 0.98 (docs/quality.md).
     */
    public static final Recipe IMAGES =
            Recipe.adam(15, 64, 100, 2e-4, 0.5, BETA2, 0.999, AdversarialOptions.defaults(0, 1));

    /**
     * The 64-pixel DCGAN: with a batch-normalised discriminator its eight convolutions won from
     * the first step and the generator never learned. Without batch norm, and with R1 (gamma 10
     * as StyleGAN uses) to stop the game oscillating, it learns; 15 epochs sharpen outlines and
     * backgrounds that 5 leave blurred.
     */
    public static final Recipe IMAGES_64 =
            Recipe.adam(15, 64, 100, 2e-4, 0.5, BETA2, 0, AdversarialOptions.defaults(10, 1));

    /**
     * Low-dimensional tables and 2D mixtures, chosen with bench/mixtures: weight averaging kept
     * every ring mode where a linear decay of the learning rate lost some in the last steps.
     * Batches of 128 for 80 epochs rather than 64 for 40 (as many steps): 80 epochs of 64
     * dropped ring8 modes while sharpening grid25. A weak R1 over the first quarter of the run
     * spreads a young generator that would otherwise sit on one or two points; the three
     * quarters without it sharpen the modes.
     */
    public static final Recipe ROWS =
            Recipe.adam(80, 128, 16, 2e-4, 0.5, BETA2, 0.999, AdversarialOptions.defaults(0.1, 0.25));

    private AdversarialRecipes() {}
}
