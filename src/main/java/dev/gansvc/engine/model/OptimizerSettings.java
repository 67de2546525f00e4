package dev.gansvc.engine.model;

/**
 * Adam hyper-parameters shared by generator and discriminator, and the generator's weight
 * averaging.
 *
 * @param generatorAverage decay of an exponential moving average of the generator's weights,
 *                         which sampling then uses (Yazici et al. 2019: averaging smooths out
 *                         the oscillation of adversarial training); 0 samples the latest weights
 */
public record OptimizerSettings(double learningRate, double beta1, double beta2, double generatorAverage) {

    public static final double DEFAULT_BETA2 = 0.999;

    public OptimizerSettings {
        if (generatorAverage < 0 || generatorAverage >= 1) {
            throw new IllegalArgumentException("generatorAverage must be in [0, 1), was " + generatorAverage);
        }
    }

    /** Adam alone, sampling the latest weights. */
    public static OptimizerSettings adam(double learningRate, double beta1, double beta2) {
        return new OptimizerSettings(learningRate, beta1, beta2, 0);
    }
}
