package dev.gansvc.engine.gan;

/** Adam hyper-parameters shared by generator and discriminator. */
public record OptimizerSettings(double learningRate, double beta1, double beta2) {

    public static final double DEFAULT_BETA2 = 0.999;
}
