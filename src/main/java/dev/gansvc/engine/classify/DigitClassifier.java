package dev.gansvc.engine.classify;

import dev.gansvc.engine.data.BundledDigits;
import dev.gansvc.engine.data.Dataset;
import dev.gansvc.engine.data.ImageDataset;
import dev.gansvc.engine.data.Permutations;
import dev.gansvc.engine.model.HeldOut;
import dev.gansvc.engine.nn.Activation;
import dev.gansvc.engine.nn.Adam;
import dev.gansvc.engine.nn.Conv2d;
import dev.gansvc.engine.nn.Dense;
import dev.gansvc.engine.nn.Network;
import dev.gansvc.engine.nn.Reshape;
import dev.gansvc.engine.nn.Workspaces;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A small convolutional classifier of 28x28 digits that the service trains itself on the
 * bundled digits (no downloaded weights), to judge generated digits: which digit each sample
 * looks like and how sure it is. Its accuracy on digits it did not train on is part of every
 * report that uses it.
 *
 * <pre>Conv(32, 4, s2) -> LReLU -> Conv(64, 4, s2) -> LReLU -> Dense(128) -> ReLU -> Dense(10)</pre>
 */
public final class DigitClassifier {

    public static final int CLASSES = 10;
    private static final long BUNDLED_SEED = 20261123L;
    private static final int EPOCHS = 3;
    private static final int BATCH = 64;
    private static final int EVALUATION_BATCH = 500;

    private final Network network;
    private final double heldOutAccuracy;
    private final int heldOutExamples;

    private DigitClassifier(Network network, double heldOutAccuracy, int heldOutExamples) {
        this.network = network;
        this.heldOutAccuracy = heldOutAccuracy;
        this.heldOutExamples = heldOutExamples;
    }

    /**
     * The classifier that judges generated digits: trained on the bundled digits but the same
     * held-out tenth that jobs keep out, on which its accuracy is measured. Always the same one.
     */
    public static DigitClassifier trainOnBundledDigits() {
        ImageDataset digits = BundledDigits.load();
        HeldOut.Split split = HeldOut.split(digits.size());
        return train(digits, split.training(), split.heldOut(), BUNDLED_SEED);
    }

    /** Trains on {@code training} and measures accuracy on {@code heldOut}; the seed fixes everything. */
    public static DigitClassifier train(Dataset digits, int[] training, int[] heldOut, long seed) {
        Network net = new Network(List.of(
                new Conv2d(1, 32, 4, 2, 1), Activation.leakyRelu(),
                new Conv2d(32, 64, 4, 2, 1), Activation.leakyRelu(),
                Reshape.flatten(64 * 7 * 7), Dense.he(64 * 7 * 7, 128), Activation.relu(), Dense.he(128, CLASSES)));
        SplittableRandom random = new SplittableRandom(seed);
        net.initialize(random);
        Adam adam = new Adam(net, 1e-3, 0.9, 0.999);
        int[] labels = digits.labels();
        int[] order = training.clone();
        float[][] grad = new float[BATCH][CLASSES];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            Permutations.shuffle(order, random);
            for (int from = 0; from + BATCH <= order.length; from += BATCH) {
                int[] batch = Arrays.copyOfRange(order, from, from + BATCH);
                int[] y = Arrays.stream(batch).map(i -> labels[i]).toArray();
                Workspaces.run("digit-classifier", () -> {
                    net.zeroGradients();
                    Softmax.crossEntropy(net.forward(digits.batch(batch), true), y, grad);
                    net.backward(Nd4j.create(grad));
                    adam.step();
                    return null;
                });
            }
        }
        DigitClassifier classifier = new DigitClassifier(net.foldedForInference(), 0, 0);
        int[] predicted = classifier.predict(digits.batch(heldOut)).labels();
        int correct = 0;
        for (int i = 0; i < heldOut.length; i++) {
            correct += predicted[i] == labels[heldOut[i]] ? 1 : 0;
        }
        return new DigitClassifier(classifier.network, heldOut.length == 0 ? Double.NaN
                : (double) correct / heldOut.length, heldOut.length);
    }

    public double heldOutAccuracy() {
        return heldOutAccuracy;
    }

    public int heldOutExamples() {
        return heldOutExamples;
    }

    /** What the classifier makes of images in [-1, 1], [n, 1, 28, 28]. */
    public Predictions predict(INDArray images) {
        int n = (int) images.size(0);
        int[] labels = new int[n];
        float[] confidence = new float[n];
        for (int from = 0; from < n; from += EVALUATION_BATCH) {
            int to = Math.min(n, from + EVALUATION_BATCH);
            INDArray batch = images.get(NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all(),
                    NDArrayIndex.all());
            float[][] p = Softmax.probabilities(network.forward(batch, false));
            for (int i = 0; i < p.length; i++) {
                int best = 0;
                for (int c = 1; c < CLASSES; c++) {
                    if (p[i][c] > p[i][best]) {
                        best = c;
                    }
                }
                labels[from + i] = best;
                confidence[from + i] = p[i][best];
            }
        }
        return new Predictions(labels, confidence);
    }

    /** Each image's most likely digit and that digit's probability. */
    public record Predictions(int[] labels, float[] confidence) {
    }
}
