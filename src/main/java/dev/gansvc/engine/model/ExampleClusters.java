package dev.gansvc.engine.model;

import dev.gansvc.engine.data.Dataset;
import dev.gansvc.engine.nn.Tensors;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * k-means clusters of the training examples, which a model of unlabelled data is conditioned on
 * as if they were classes (self-conditioning, Liu et al. 2020, here with clusters of the pixels
 * found once before training rather than of the discriminator's features found again and
 * again). An unconditional generator must turn a continuous latent space into a choice between
 * separate kinds of example, and its samples between two kinds are neither; given the cluster it
 * only has to draw within one.
 *
 * <p>Sampling keeps its standard-normal latent points: each picks its cluster by {@link
 * LatentChoice}, in proportion to the training examples in the cluster, so the same point always
 * makes the same sample. Plain Java doubles, so the same data and seed give the same clusters on
 * every backend and machine.
 */
public final class ExampleClusters {

    public static final Option.Whole CLUSTERS = new Option.Whole(
            "clusters",
            "k-means clusters of the training examples that the generator and discriminator are conditioned on as "
                    + "if they were classes, each sample's cluster drawn in proportion to its examples "
                    + "(self-conditioning); 0 trains without them",
            0,
            100,
            0);

    /** Examples the centres are fitted to at most (the bundled digits' 9,000 training examples all). */
    private static final int MAX_EXAMPLES = 10_000;
    /** Values held for the fit at most (64 MB of doubles): fewer examples of larger pictures. */
    private static final long MAX_VALUES = 8_000_000;
    /**
     * Lloyd's iterations at most: 50 clusters of the bundled digits agree with the digits' labels as
     * well after 10 as after 20, 30 or 60 (82% of the examples are of their cluster's commonest
     * digit; 81% after 5), in a third of the time 30 take.
     */
    private static final int MAX_ITERATIONS = 10;
    /** Examples read from the data at once. */
    private static final int BATCH = 500;

    private final double[][] centres;
    private final double[] weights;

    private ExampleClusters(double[][] centres, double[] weights) {
        this.centres = centres;
        this.weights = weights;
    }

    /**
     * {@code k} clusters of the training examples (k-means++ seeded with {@code seed}, fitted to
     * the first {@value #MAX_EXAMPLES} of {@code training}, fewer where their values would pass
     * {@value #MAX_VALUES}), each weighted by its share of all of them; with fewer distinct
     * examples than clusters the rest stay empty, never chosen.
     */
    static ExampleClusters fit(Dataset data, int[] training, int k, long seed) {
        long features = Arrays.stream(data.exampleShape()).reduce(1, Math::multiplyExact);
        int fitted = (int) Math.max(1, Math.min(Math.min(training.length, MAX_EXAMPLES), MAX_VALUES / features));
        double[][] x = rows(data, Arrays.copyOf(training, fitted));
        double[][] centres = KMeans.lloyd(x, KMeans.plusPlus(x, k, new SplittableRandom(seed)), MAX_ITERATIONS);
        double[] weights = new double[k];
        for (int label : new ExampleClusters(centres, weights).assign(data, training)) {
            weights[label] += 1.0 / training.length;
        }
        return new ExampleClusters(centres, weights);
    }

    public int count() {
        return weights.length;
    }

    /** Each example's cluster, for the examples at {@code indices}. */
    int[] assign(Dataset data, int[] indices) {
        int[] labels = new int[indices.length];
        for (int from = 0; from < indices.length; from += BATCH) {
            int[] part = Arrays.copyOfRange(indices, from, Math.min(indices.length, from + BATCH));
            double[][] x = rows(data, part);
            for (int i = 0; i < x.length; i++) {
                labels[from + i] = KMeans.nearest(x[i], centres);
            }
        }
        return labels;
    }

    /** Every example's cluster, as {@link Dataset#labels()} gives labels; a table's rows standardised as the model's. */
    public int[] labels(Dataset data) {
        int[] all = new int[data.size()];
        Arrays.setAll(all, i -> i);
        return assign(data, all);
    }

    /** The cluster each standard-normal latent point [n, latent] picks, and the points as the generator takes them. */
    Choice choose(INDArray latent) {
        double[][] z = Tensors.doubleRows(latent);
        int[] labels = new int[z.length];
        for (int i = 0; i < z.length; i++) {
            labels[i] = LatentChoice.choose(z[i], weights);
        }
        return new Choice(Nd4j.createFromArray(z).castTo(latent.dataType()), labels);
    }

    /** @param latent the points, their first coordinate rescaled within the cluster's share */
    record Choice(INDArray latent, int[] labels) {}

    /** The clusters' weights, for an exporter. */
    GeneratorGraph.Clusters choice() {
        return new GeneratorGraph.Clusters(weights.clone());
    }

    /** The weights [k] and centres [k, features], for saving. */
    public INDArray[] arrays() {
        return new INDArray[] {Nd4j.createFromArray(weights), Nd4j.createFromArray(centres)};
    }

    /** The clusters {@link #arrays()} gave. */
    public static ExampleClusters of(INDArray weights, INDArray centres) {
        return new ExampleClusters(centres.toDoubleMatrix(), weights.toDoubleVector());
    }

    private static double[][] rows(Dataset data, int[] indices) {
        INDArray batch = data.batch(indices);
        return Tensors.doubleRows(batch);
    }
}
