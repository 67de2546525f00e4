package dev.gansvc.engine.classify;

import dev.gansvc.engine.data.Dataset;

/**
 * Where quality measurement gets the classifier of a labelled image dataset: {@link
 * ImageClassifier#train} trains one afresh; the service keeps one per dataset, since the same
 * data and split always train the same classifier.
 */
@FunctionalInterface
public interface ClassifierSource {

    /** A classifier of {@code images} trained on those at {@code training}, its accuracy measured on those at {@code heldOut}. */
    ImageClassifier classifierOf(Dataset images, int[] training, int[] heldOut);
}
