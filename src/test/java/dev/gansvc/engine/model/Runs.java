package dev.gansvc.engine.model;

import dev.gansvc.engine.data.BundledDigits;
import dev.gansvc.engine.data.Dataset;
import dev.gansvc.engine.data.ImageDataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Small real training runs for the engine's tests: a model trained on data, with what it recorded. */
public final class Runs {

    private static ImageDataset mnist;

    private Runs() {}

    /** The bundled 10,000 digits, loaded once. */
    public static synchronized ImageDataset mnist() {
        if (mnist == null) {
            mnist = BundledDigits.load();
        }
        return mnist;
    }

    /**
     * The mean squared error per value of predicting each held-out example by the mean training
     * example: what a model that learned nothing about individual examples scores.
     */
    public static double meanImageError(Dataset data, int[] heldOut) {
        int[] training = new int[data.size() - heldOut.length];
        Arrays.setAll(training, i -> i);
        INDArray mean = data.batch(training).reshape('c', training.length, -1).mean(0);
        INDArray error = data.batch(heldOut).reshape('c', heldOut.length, -1).subRowVector(mean);
        return error.mul(error).meanNumber().doubleValue();
    }

    /** A finished run and every point it recorded. */
    public record Run(Trainer trainer, List<LossPoint> points) {

        public GenerativeModel model() {
            return trainer.model();
        }

        /** Mean of series {@code series} over the points [from, to). */
        public double mean(int series, int from, int to) {
            return points.subList(from, to).stream()
                    .mapToDouble(p -> p.value(series))
                    .average()
                    .orElseThrow();
        }
    }

    /** Trains a fresh model of {@code architecture} with the recipe's settings but the given epochs, batch and latent size. */
    public static Run train(
            ModelFamily family, String variant, Dataset data, int epochs, int batchSize, int latentDim, long seed) {
        return train(family, variant, data, epochs, batchSize, latentDim, seed, 0);
    }

    /** The same, conditioned on {@code clusters} clusters of the examples (0: none). */
    public static Run train(
            ModelFamily family,
            String variant,
            Dataset data,
            int epochs,
            int batchSize,
            int latentDim,
            long seed,
            int clusters) {
        Recipe recipe = Recipe.defaults(family, data, variant.isEmpty() ? family.defaultVariant() : variant);
        GenerativeModel model = GenerativeModel.create(
                family,
                family.shape(latentDim, data.exampleShape(), data.classCount(), variant)
                        .withClusters(clusters),
                recipe.optimizer(),
                seed);
        TrainingSettings settings = new TrainingSettings(epochs, batchSize, seed, recipe.schedule(), recipe.options());
        Trainer trainer = new Trainer(model, data, settings);
        List<LossPoint> points = new ArrayList<>();
        trainer.train(
                new TrainingListener() {
                    @Override
                    public void onIteration(LossPoint point) {
                        points.add(point);
                    }

                    @Override
                    public void onEpochEnd(int epoch, GenerativeModel trained) {}
                },
                () -> false);
        return new Run(trainer, points);
    }
}
