package dev.gansvc.bench;

import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.engine.model.GeneratorModel;
import dev.gansvc.engine.model.LatentNoise;
import dev.gansvc.engine.model.LossPoint;
import dev.gansvc.engine.model.TrainingListener;
import dev.gansvc.engine.nn.Workspaces;
import dev.gansvc.engine.render.SampleGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How an image model's samples change while it trains: after every epoch, the same latent
 * points drawn as one row, so that a picture shows by which epoch the samples took shape.
 * Prints each epoch's elapsed time as it goes.
 */
final class ProgressStrip implements TrainingListener {

    private final String name;
    private final int columns;
    private final long seed;
    private final List<INDArray> rows = new ArrayList<>();
    private final long start = System.nanoTime();

    ProgressStrip(String name, int columns, long seed) {
        this.name = name;
        this.columns = columns;
        this.seed = seed;
    }

    @Override
    public void onIteration(LossPoint point) {}

    @Override
    public void onEpochEnd(int epoch, GenerativeModel model) {
        GeneratorModel generator = GeneratorModel.of(model);
        INDArray latent = LatentNoise.sample(seed, columns, model.latentDim());
        rows.add(Workspaces.run("progress", () -> generator.generate(latent).detach()));
        System.out.printf(
                Locale.ROOT,
                "%s: epoch %d, step %d, %.0f s%n",
                name,
                epoch,
                model.iteration(),
                (System.nanoTime() - start) / 1e9);
    }

    /** One row per epoch. */
    byte[] png() {
        return SampleGrid.png(Nd4j.concat(0, rows.toArray(INDArray[]::new)), columns);
    }
}
