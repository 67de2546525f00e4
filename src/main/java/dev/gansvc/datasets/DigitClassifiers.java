package dev.gansvc.datasets;

import dev.gansvc.engine.classify.ImageClassifier;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The digit classifier that judges generated MNIST digits, trained the first time a job needs it. */
@Component
public class DigitClassifiers {

    private static final Logger log = LoggerFactory.getLogger(DigitClassifiers.class);
    /** Per JVM rather than per application context: the tests start several contexts, production one. */
    private static final AtomicReference<ImageClassifier> TRAINED = new AtomicReference<>();

    private final DatasetCatalog catalog;

    public DigitClassifiers(DatasetCatalog catalog) {
        this.catalog = catalog;
    }

    /** The classifier for a dataset of digits; empty for other data. */
    public Optional<ImageClassifier> forDataset(String dataset) {
        return catalog.isDigits(dataset) ? Optional.of(classifier()) : Optional.empty();
    }

    private synchronized ImageClassifier classifier() {
        ImageClassifier trained = TRAINED.get();
        if (trained == null) {
            long t0 = System.nanoTime();
            trained = ImageClassifier.trainOnBundledDigits();
            log.info(
                    "digit classifier trained in {} s: {} accuracy on {} held-out digits",
                    Math.round((System.nanoTime() - t0) / 1e8) / 10.0,
                    trained.heldOutAccuracy(),
                    trained.heldOutExamples());
            TRAINED.set(trained);
        }
        return trained;
    }
}
