package dev.gansvc.datasets;

import dev.gansvc.engine.classify.ClassifierSource;
import dev.gansvc.engine.classify.ImageClassifier;
import dev.gansvc.engine.data.Dataset;
import java.util.Arrays;
import java.util.Map;
import java.util.WeakHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The classifiers that judge conditional models of labelled images other than digits, one per
 * dataset and split, trained when the first such job on the data finishes and kept for the next
 * (training one takes about as long as a short job). Kept by the dataset the catalog holds, and
 * only while it holds it, so a deleted upload takes its classifier with it and one uploaded
 * again under the same name gets a fresh one.
 */
@Component
public class ClassClassifiers implements ClassifierSource {

    private static final Logger log = LoggerFactory.getLogger(ClassClassifiers.class);

    private record Trained(int[] training, int[] heldOut, ImageClassifier classifier) {

        boolean splits(int[] training, int[] heldOut) {
            return Arrays.equals(this.training, training) && Arrays.equals(this.heldOut, heldOut);
        }
    }

    /** Datasets compare by identity, so this maps the catalog's own instances. */
    private final Map<Dataset, Trained> trained = new WeakHashMap<>();

    /** Synchronized so that two jobs finishing on the same data train its classifier once. */
    @Override
    public synchronized ImageClassifier classifierOf(Dataset images, int[] training, int[] heldOut) {
        Trained kept = trained.get(images);
        if (kept != null && kept.splits(training, heldOut)) {
            return kept.classifier();
        }
        long t0 = System.nanoTime();
        ImageClassifier classifier = ImageClassifier.train(images, training, heldOut);
        log.info(
                "classifier of {} labelled images trained in {} s: {} accuracy on {} held-out images",
                training.length,
                Math.round((System.nanoTime() - t0) / 1e8) / 10.0,
                classifier.heldOutAccuracy(),
                classifier.heldOutExamples());
        trained.put(images, new Trained(training.clone(), heldOut.clone(), classifier));
        return classifier;
    }
}
