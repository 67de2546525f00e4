package dev.gansvc.engine.model;

import dev.gansvc.engine.data.Dataset;
import java.util.List;
import java.util.Optional;

/**
 * How one kind of model learns: what a training step does to the model's networks and what it
 * records. The {@link Trainer} owns the loop, data order and randomness; an objective owns the
 * mathematics of one step.
 */
public interface Objective {

    /** The values {@link #step} returns, in order. */
    List<LossSeries> series();

    /** Batches of real examples one step consumes (k discriminator steps take k). */
    default int batchesPerStep() {
        return 1;
    }

    /** One optimisation step; returns one value per {@link #series()} entry. */
    double[] step(GenerativeModel model, Step step);

    /**
     * Scores a model that reconstructs on the held-out examples: at the end of each epoch, into
     * its last series (validation loss), and when the job ends. Empty for models that do not
     * reconstruct; their held-out examples serve the sample-quality measures.
     */
    default Optional<HeldOutScore> evaluate(GenerativeModel model, Dataset data, int[] heldOut) {
        return Optional.empty();
    }
}
