package dev.gansvc.engine.classify;

import dev.gansvc.engine.data.BundledDigits;
import dev.gansvc.engine.data.Dataset;
import dev.gansvc.engine.data.HeldOut;
import dev.gansvc.engine.data.ImageDataset;
import dev.gansvc.engine.data.Permutations;
import dev.gansvc.engine.nn.Activation;
import dev.gansvc.engine.nn.Adam;
import dev.gansvc.engine.nn.Conv2d;
import dev.gansvc.engine.nn.Dense;
import dev.gansvc.engine.nn.Layer;
import dev.gansvc.engine.nn.Network;
import dev.gansvc.engine.nn.Reshape;
import dev.gansvc.engine.nn.Workspaces;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A small convolutional classifier of labelled images ([channels, height, width] in [-1, 1])
 * that the service trains itself (no downloaded weights), to judge generated images: which
 * class each sample looks like and how sure it is. Trained on the bundled digits it judges
 * generated MNIST; trained on a job's own training images it judges a conditional model of
 * them. Its accuracy on images it did not train on is part of every report that uses it.
 *
 * <pre>
 * 4x4 stride-2 convolutions, each followed by LReLU, until the image is at most 8 pixels across,
 * their widths doubling up to 64 at the last -> Dense(128) -> ReLU -> Dense(classes)
 * 28x28 digits: Conv(32, 4, s2) -> LReLU -> Conv(64, 4, s2) -> LReLU -> Dense(128) -> ReLU -> Dense(10)
 * 64x64 colour: Conv(16) -> LReLU -> Conv(32) -> LReLU -> Conv(64) -> LReLU -> Dense(128) -> ReLU -> Dense(classes)
 * </pre>
 *
 * <p>It trains for {@value #MIN_EPOCHS} epochs, or more (up to {@value #MAX_EPOCHS}) where an
 * epoch is short, so that it takes at least {@value #MIN_STEPS} steps: the digits' 3 epochs take
 * 420, and the 5,400 training pictures of shapes64 get 5 (3 were too few on a first draft of
 * the shapes; docs/quality.md has the figures).
 */
public final class ImageClassifier {

    /** One seed for every classifier: the same images and split always give the same one, so figures compare across jobs. */
    private static final long SEED = 20261123L;

    private static final int MIN_EPOCHS = 3;
    private static final int MAX_EPOCHS = 10;
    private static final int MIN_STEPS = 400;
    private static final int BATCH = 64;
    private static final int EVALUATION_BATCH = 500;
    /** The convolutions stop halving the image once it is this small. */
    private static final int FINAL_SIDE = 8;

    private static final int LAST_WIDTH = 64;
    /** The width of the penultimate layer: how many features {@link #features} gives per image. */
    public static final int FEATURES = 128;

    private final Network network;
    private final int classes;
    private final double heldOutAccuracy;
    private final int heldOutExamples;

    private ImageClassifier(Network network, int classes, double heldOutAccuracy, int heldOutExamples) {
        this.network = network;
        this.classes = classes;
        this.heldOutAccuracy = heldOutAccuracy;
        this.heldOutExamples = heldOutExamples;
    }

    /**
     * The classifier that judges generated digits: trained on the bundled digits but the same
     * held-out tenth that jobs keep out, on which its accuracy is measured.
     */
    public static ImageClassifier trainOnBundledDigits() {
        ImageDataset digits = BundledDigits.load();
        HeldOut.Split split = HeldOut.split(digits.size());
        return train(digits, split.training(), split.heldOut());
    }

    /** Trains on the labelled images at {@code training} and measures its accuracy on those at {@code heldOut}. */
    public static ImageClassifier train(Dataset images, int[] training, int[] heldOut) {
        int classes = images.classCount();
        Network net = network(images.exampleShape(), classes);
        SplittableRandom random = new SplittableRandom(SEED);
        net.initialize(random);
        Adam adam = new Adam(net, 1e-3, 0.9, 0.999);
        int[] labels = images.labels();
        int[] order = training.clone();
        float[][] grad = new float[BATCH][classes];
        int stepsPerEpoch = Math.max(1, training.length / BATCH);
        int epochs = Math.min(MAX_EPOCHS, Math.max(MIN_EPOCHS, (MIN_STEPS + stepsPerEpoch - 1) / stepsPerEpoch));
        for (int epoch = 0; epoch < epochs; epoch++) {
            Permutations.shuffle(order, random);
            for (int from = 0; from + BATCH <= order.length; from += BATCH) {
                int[] batch = Arrays.copyOfRange(order, from, from + BATCH);
                int[] y = Arrays.stream(batch).map(i -> labels[i]).toArray();
                Workspaces.run("image-classifier", () -> {
                    net.zeroGradients();
                    Softmax.crossEntropy(net.forward(images.batch(batch), true), y, grad);
                    net.backward(Nd4j.create(grad));
                    adam.step();
                    return null;
                });
            }
        }
        ImageClassifier classifier = new ImageClassifier(net.foldedForInference(), classes, 0, 0);
        int[] predicted = classifier.predict(images.batch(heldOut)).labels();
        return new ImageClassifier(
                classifier.network, classes, Accuracy.of(predicted, labels, heldOut), heldOut.length);
    }

    private static Network network(long[] exampleShape, int classes) {
        List<Layer> layers = new ArrayList<>();
        int channels = (int) exampleShape[0];
        int height = (int) exampleShape[1];
        int width = (int) exampleShape[2];
        int convolutions = 0;
        for (int side = Math.max(height, width); side > FINAL_SIDE; side /= 2) {
            convolutions++;
        }
        for (int k = convolutions - 1; k >= 0; k--) {
            int out = LAST_WIDTH >> k;
            layers.add(new Conv2d(channels, out, 4, 2, 1));
            layers.add(Activation.leakyRelu());
            channels = out;
            height /= 2;
            width /= 2;
        }
        int flattened = channels * height * width;
        layers.addAll(List.of(
                Reshape.flatten(flattened),
                Dense.he(flattened, FEATURES),
                Activation.relu(),
                Dense.he(FEATURES, classes)));
        return new Network(layers);
    }

    public int classes() {
        return classes;
    }

    public double heldOutAccuracy() {
        return heldOutAccuracy;
    }

    public int heldOutExamples() {
        return heldOutExamples;
    }

    /** What the classifier makes of images in [-1, 1] of the shape it trained on, [n, channels, height, width]. */
    public Predictions predict(INDArray images) {
        int n = (int) images.size(0);
        int[] labels = new int[n];
        float[] confidence = new float[n];
        inBatches(images, network.layerCount(), (from, logits) -> {
            float[][] p = Softmax.probabilities(logits);
            for (int i = 0; i < p.length; i++) {
                int best = 0;
                for (int c = 1; c < classes; c++) {
                    if (p[i][c] > p[i][best]) {
                        best = c;
                    }
                }
                labels[from + i] = best;
                confidence[from + i] = p[i][best];
            }
        });
        return new Predictions(labels, confidence);
    }

    /**
     * The penultimate activations (Dense({@value #FEATURES}) after its ReLU) of images as {@link
     * #predict} takes them, [n, {@value #FEATURES}] in double: the features the classifier tells the
     * classes apart by, on which sample-quality distances are measured.
     */
    public INDArray features(INDArray images) {
        INDArray features = Nd4j.create(DataType.DOUBLE, images.size(0), FEATURES);
        inBatches(
                images,
                network.layerCount() - 1,
                (from, batch) -> features.get(NDArrayIndex.interval(from, from + batch.size(0)), NDArrayIndex.all())
                        .assign(batch.castTo(DataType.DOUBLE)));
        return features;
    }

    /** The output of the network's first {@code layers} layers for each batch of images, with the batch's first index. */
    private void inBatches(INDArray images, int layers, BiConsumer<Integer, INDArray> consumer) {
        int n = (int) images.size(0);
        for (int from = 0; from < n; from += EVALUATION_BATCH) {
            int to = Math.min(n, from + EVALUATION_BATCH);
            INDArray batch = images.get(
                    NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all());
            consumer.accept(from, network.forward(batch, false, layers));
        }
    }

    /** Each image's most likely class and that class's probability. */
    public record Predictions(int[] labels, float[] confidence) {}
}
