package dev.gansvc.engine.quality;

import dev.gansvc.engine.classify.Accuracy;
import dev.gansvc.engine.classify.ImageClassifier;
import dev.gansvc.engine.data.Dataset;
import dev.gansvc.engine.model.GeneratorModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How often a conditional model makes the class it is asked for: {@value #SAMPLES_PER_CLASS}
 * samples of each class are labelled by a classifier of the data, and the figure is the fraction
 * labelled as requested. Rows are labelled by a {@value #K}-nearest-neighbour classifier on the
 * training rows (features scaled to unit variance), images by a small convolutional network
 * trained on the training images. The classifier's own accuracy on the held-out examples is
 * reported beside it, as its ceiling.
 *
 * @param classifier         what labelled the samples
 * @param agreement          over all classes
 * @param perClass           per class, in label order
 * @param samplesPerClass    samples generated per class
 * @param classifierAccuracy the classifier's accuracy on the held-out examples (null without any)
 */
public record ClassAgreement(
        String classifier, double agreement, List<Double> perClass, int samplesPerClass, Double classifierAccuracy) {

    static final int K = 5;
    private static final int SAMPLES_PER_CLASS = 250;
    /** Reference rows the classifier compares against (a fixed subset of larger tables). */
    private static final int MAX_REFERENCE = 5000;

    /** A conditional model of rows, judged by nearest neighbours among the training rows. */
    public static ClassAgreement measure(
            GeneratorModel generator, Dataset data, int[] training, int[] heldOut, long seed) {
        int[] reference = training.length <= MAX_REFERENCE ? training : Arrays.copyOf(training, MAX_REFERENCE);
        INDArray rows = data.batch(reference);
        INDArray scale = rows.std(0).addi(1e-6);
        INDArray scaledRows = rows.divRowVector(scale);
        int[] allLabels = data.labels();
        int[] referenceLabels = Arrays.stream(reference).map(i -> allLabels[i]).toArray();
        int classes = data.classCount();
        Function<INDArray, int[]> labeller =
                examples -> classify(examples.divRowVector(scale), scaledRows, referenceLabels, classes);

        Double accuracy = null;
        if (heldOut.length > 0) {
            accuracy = Accuracy.of(labeller.apply(data.batch(heldOut)), allLabels, heldOut);
        }
        return measure(K + "-nearest neighbours on the training rows", labeller, generator, accuracy, seed);
    }

    /** A conditional model of images, judged by a classifier trained on its training images. */
    public static ClassAgreement measure(GeneratorModel generator, ImageClassifier classifier, long seed) {
        return measure(
                "a convolutional classifier trained on the training images",
                images -> classifier.predict(images).labels(),
                generator,
                classifier.heldOutExamples() > 0 ? classifier.heldOutAccuracy() : null,
                seed);
    }

    private static ClassAgreement measure(
            String classifier,
            Function<INDArray, int[]> labeller,
            GeneratorModel generator,
            Double classifierAccuracy,
            long seed) {
        int classes = generator.shape().classCount();
        List<Double> perClass = new ArrayList<>();
        double total = 0;
        for (int c = 0; c < classes; c++) {
            int label = c;
            int hits = (int)
                    Arrays.stream(labeller.apply(generator.generate(SAMPLES_PER_CLASS, seed + c, OptionalInt.of(c))))
                            .filter(p -> p == label)
                            .count();
            perClass.add((double) hits / SAMPLES_PER_CLASS);
            total += hits;
        }
        return new ClassAgreement(
                classifier, total / (classes * SAMPLES_PER_CLASS), perClass, SAMPLES_PER_CLASS, classifierAccuracy);
    }

    /** The majority label among each row's K nearest reference rows. */
    private static int[] classify(INDArray rows, INDArray reference, int[] referenceLabels, int classes) {
        float[] d = KernelMmd.squaredDistances(rows, reference).data().asFloat();
        int n = (int) rows.size(0);
        int m = (int) reference.size(0);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int[] nearest = new int[Math.min(K, m)];
            float[] best = new float[nearest.length];
            Arrays.fill(best, Float.POSITIVE_INFINITY);
            for (int j = 0; j < m; j++) {
                float v = d[i * m + j];
                int slot = nearest.length - 1;
                if (v >= best[slot]) {
                    continue;
                }
                while (slot > 0 && best[slot - 1] > v) {
                    best[slot] = best[slot - 1];
                    nearest[slot] = nearest[slot - 1];
                    slot--;
                }
                best[slot] = v;
                nearest[slot] = j;
            }
            int[] votes = new int[classes];
            for (int j : nearest) {
                votes[referenceLabels[j]]++;
            }
            int winner = 0;
            for (int c = 1; c < classes; c++) {
                if (votes[c] > votes[winner]) {
                    winner = c;
                }
            }
            out[i] = winner;
        }
        return out;
    }
}
