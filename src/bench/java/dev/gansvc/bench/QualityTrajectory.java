package dev.gansvc.bench;

import dev.gansvc.engine.classify.ClassifierSource;
import dev.gansvc.engine.classify.ImageClassifier;
import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.engine.model.LossPoint;
import dev.gansvc.engine.model.Trainer;
import dev.gansvc.engine.model.TrainingListener;
import dev.gansvc.engine.quality.QualityReport;
import java.util.Locale;
import java.util.Optional;

/**
 * Passes training progress on, and every {@code every} epochs measures the model as it stands as
 * the service measures a finished one (the digits by the digit classifier, the distances on its
 * or the training images' classifier's features), so that one long run shows how the figures
 * move with the epochs. Keeps the time it spends measuring apart.
 */
final class QualityTrajectory implements TrainingListener {

    private final String name;
    private final TrainingListener next;
    private final int every;
    private final Trainer trainer;
    private final String dataset;
    private final Optional<ImageClassifier> digitClassifier;
    private final ClassifierSource classifiers;
    private final long seed;
    private long nanos;

    QualityTrajectory(
            String name,
            TrainingListener next,
            int every,
            Trainer trainer,
            String dataset,
            Optional<ImageClassifier> digitClassifier,
            ClassifierSource classifiers,
            long seed) {
        this.name = name;
        this.next = next;
        this.every = every;
        this.trainer = trainer;
        this.dataset = dataset;
        this.digitClassifier = digitClassifier;
        this.classifiers = classifiers;
        this.seed = seed;
    }

    @Override
    public void onIteration(LossPoint point) {
        next.onIteration(point);
    }

    @Override
    public void onEpochEnd(int epoch, GenerativeModel model) {
        next.onEpochEnd(epoch, model);
        if (every > 0 && epoch % every == 0) {
            long t0 = System.nanoTime();
            QualityReport q = QualityReport.measure(trainer, dataset, seed, digitClassifier, classifiers)
                    .orElseThrow();
            System.out.printf(
                    Locale.ROOT,
                    "%s: after epoch %d (step %d): MMD² %.4f, FD | KID | P / R %s%s%n",
                    name,
                    epoch,
                    model.iteration(),
                    q.mmd().mmd2(),
                    Gallery.distanceCells(q.distances()),
                    q.digits() == null ? "" : ", " + Gallery.perDigit(q.digits()));
            nanos += System.nanoTime() - t0;
        }
    }

    /** Seconds spent measuring. */
    double seconds() {
        return nanos / 1e9;
    }
}
