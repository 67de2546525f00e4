package dev.gansvc.engine.quality;

import dev.gansvc.engine.classify.ImageClassifier;
import dev.gansvc.engine.model.GeneratorModel;
import java.util.OptionalInt;

/**
 * Generated digits judged by the service's own digit classifier: which digits the samples look
 * like (a model that collapses onto a few digits covers few classes) and how clearly (blurry
 * or malformed digits get low confidence).
 *
 * @param classifierAccuracy the classifier's accuracy on digits it did not train on
 * @param samples            samples judged
 * @param classesCovered     digits predicted for at least 1% of the samples (a tenth of a fair share)
 * @param meanConfidence     mean probability of the predicted digit
 * @param samplesPerDigit    how many samples were predicted as each digit
 * @param labelAgreement     conditional models: the fraction predicted as the digit asked for
 */
public record DigitQuality(
        double classifierAccuracy,
        int samples,
        int classesCovered,
        double meanConfidence,
        int[] samplesPerDigit,
        Double labelAgreement) {

    static final int SAMPLES = 1000;

    public static DigitQuality measure(GeneratorModel generator, ImageClassifier classifier, long seed) {
        ImageClassifier.Predictions p = classifier.predict(generator.generate(SAMPLES, seed, OptionalInt.empty()));
        int[] counts = new int[classifier.classes()];
        double confidence = 0;
        int agreeing = 0;
        for (int i = 0; i < SAMPLES; i++) {
            counts[p.labels()[i]]++;
            confidence += p.confidence()[i];
            // Unlabelled requests make a conditional model's classes take turns: sample i is of class i mod k.
            agreeing += generator.shape().conditional()
                            && p.labels()[i] == i % generator.shape().classCount()
                    ? 1
                    : 0;
        }
        int covered = 0;
        for (int c : counts) {
            covered += c >= SAMPLES / 100 ? 1 : 0;
        }
        return new DigitQuality(
                classifier.heldOutAccuracy(),
                SAMPLES,
                covered,
                confidence / SAMPLES,
                counts,
                generator.shape().conditional() ? (double) agreeing / SAMPLES : null);
    }
}
