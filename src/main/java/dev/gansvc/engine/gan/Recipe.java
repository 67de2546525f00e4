package dev.gansvc.engine.gan;

/**
 * Training hyper-parameters with which a model trains well on a kind of data out of the box:
 * what a job gets for every field it leaves out, and what the quality benchmarks run.
 */
public record Recipe(int epochs, int batchSize, int latentDim, double learningRate, double beta1,
        int discriminatorSteps, GanLoss loss, LearningRateSchedule schedule, double generatorAverage) {

    /** DCGAN's published settings (Radford et al. 2015), used for every image model. */
    private static final Recipe IMAGES = new Recipe(5, 64, 100, 2e-4, 0.5, 1, GanLoss.NON_SATURATING,
            LearningRateSchedule.CONSTANT, 0);

    /**
     * Low-dimensional tables and 2D mixtures, chosen with bench/mixtures: weight averaging kept
     * every ring mode where a linear decay of the learning rate lost some in the last steps.
     */
    private static final Recipe TABLES = new Recipe(40, 64, 16, 2e-4, 0.5, 1, GanLoss.NON_SATURATING,
            LearningRateSchedule.CONSTANT, 0.999);

    public static Recipe defaults(Architecture architecture, long[] exampleShape) {
        return exampleShape.length == 3 ? IMAGES : TABLES;
    }

    public OptimizerSettings optimizer() {
        return new OptimizerSettings(learningRate, beta1, OptimizerSettings.DEFAULT_BETA2, generatorAverage);
    }

    public TrainingSettings training(long seed) {
        return new TrainingSettings(epochs, batchSize, discriminatorSteps, loss, seed, schedule);
    }
}
