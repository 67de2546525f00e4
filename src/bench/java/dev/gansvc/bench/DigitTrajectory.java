package dev.gansvc.bench;

import dev.gansvc.engine.classify.ImageClassifier;
import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.engine.model.GeneratorModel;
import dev.gansvc.engine.model.LossPoint;
import dev.gansvc.engine.model.TrainingListener;
import dev.gansvc.engine.nn.Workspaces;
import dev.gansvc.engine.quality.DigitQuality;
import java.util.Locale;
import java.util.Optional;

/**
 * Passes training progress on, and every {@code every} epochs judges 1,000 samples of the model
 * as it stands with the digit classifier, as the service judges a finished model, so that one
 * long run shows how the figures move with the epochs. Keeps the time it spends judging apart.
 */
final class DigitTrajectory implements TrainingListener {

    private final String name;
    private final TrainingListener next;
    private final int every;
    private final Optional<ImageClassifier> classifier;
    private final long seed;
    private long nanos;

    DigitTrajectory(String name, TrainingListener next, int every, Optional<ImageClassifier> classifier, long seed) {
        this.name = name;
        this.next = next;
        this.every = every;
        this.classifier = classifier;
        this.seed = seed;
    }

    @Override
    public void onIteration(LossPoint point) {
        next.onIteration(point);
    }

    @Override
    public void onEpochEnd(int epoch, GenerativeModel model) {
        next.onEpochEnd(epoch, model);
        if (every > 0 && epoch % every == 0 && classifier.isPresent()) {
            long t0 = System.nanoTime();
            DigitQuality d = Workspaces.run(
                    "trajectory", () -> DigitQuality.measure(GeneratorModel.of(model), classifier.get(), seed));
            System.out.printf(
                    Locale.ROOT,
                    "%s: after epoch %d (step %d): %d / 10 digits, %s%n",
                    name,
                    epoch,
                    model.iteration(),
                    d.classesCovered(),
                    Gallery.perDigit(d));
            nanos += System.nanoTime() - t0;
        }
    }

    /** Seconds spent judging. */
    double seconds() {
        return nanos / 1e9;
    }
}
