package dev.gansvc.datasets;

import dev.gansvc.engine.classify.DigitClassifier;
import dev.gansvc.engine.data.IdxFiles;
import dev.gansvc.engine.data.ImageDataset;
import dev.gansvc.engine.model.HeldOut;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The digit classifier that judges generated MNIST digits, trained on the bundled digits (the
 * same held-out tenth as jobs keep out, for its accuracy) the first time a job needs it.
 */
@Component
public class DigitClassifiers {

    private static final Logger log = LoggerFactory.getLogger(DigitClassifiers.class);
    private static final String IMAGES = "classpath:datasets/mnist/images-idx3-ubyte.gz";
    private static final String LABELS = "classpath:datasets/mnist/labels-idx1-ubyte.gz";
    private static final long SEED = 20261123L;
    /** Per JVM rather than per application context: the tests start several contexts, production one. */
    private static final AtomicReference<DigitClassifier> TRAINED = new AtomicReference<>();

    private final DatasetCatalog catalog;
    private final ResourceLoader resources;

    public DigitClassifiers(DatasetCatalog catalog, ResourceLoader resources) {
        this.catalog = catalog;
        this.resources = resources;
    }

    /** The classifier for a dataset of digits; empty for other data. */
    public Optional<DigitClassifier> forDataset(String dataset) {
        return catalog.isDigits(dataset) ? Optional.of(classifier()) : Optional.empty();
    }

    private synchronized DigitClassifier classifier() {
        DigitClassifier trained = TRAINED.get();
        if (trained == null) {
            long t0 = System.nanoTime();
            ImageDataset digits = bundledDigits();
            HeldOut.Split split = HeldOut.split(digits.size());
            trained = DigitClassifier.train(digits, split.training(), split.heldOut(), SEED);
            log.info("digit classifier trained in {} s: {} accuracy on {} held-out digits",
                    Math.round((System.nanoTime() - t0) / 1e8) / 10.0, trained.heldOutAccuracy(), trained.heldOutExamples());
            TRAINED.set(trained);
        }
        return trained;
    }

    private ImageDataset bundledDigits() {
        try (InputStream images = resources.getResource(IMAGES).getInputStream();
             InputStream labels = resources.getResource(LABELS).getInputStream()) {
            return IdxFiles.read(images, labels);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled digits", e);
        }
    }
}
