package dev.gansvc.engine.quality;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Precision and recall in the k-nearest-neighbour manifold sense (Kynkäänniemi et al. 2019):
 * each set's manifold is the union of balls around its vectors, each as wide as the distance to
 * its k-th nearest neighbour in the set. Precision is the fraction of generated vectors inside
 * the real manifold (how many samples look real), recall the fraction of real vectors inside
 * the generated manifold (how much of the data the samples cover).
 */
public record ManifoldPrecisionRecall(double precision, double recall) {

    /** As in the paper. */
    public static final int K = 3;

    /** Of rows of [n, d], each set of more than k rows. */
    public static ManifoldPrecisionRecall of(INDArray real, INDArray generated, int k) {
        INDArray r = real.castTo(DataType.DOUBLE);
        INDArray g = generated.castTo(DataType.DOUBLE);
        int m = (int) r.size(0);
        int n = (int) g.size(0);
        if (Math.min(m, n) <= k) {
            throw new IllegalArgumentException("sets of " + m + " and " + n + " rows have no " + k + "-th neighbours");
        }
        double[] realRadii =
                squaredRadii(KernelMmd.squaredDistances(r, r).data().asDouble(), m, k);
        double[] generatedRadii =
                squaredRadii(KernelMmd.squaredDistances(g, g).data().asDouble(), n, k);
        // [m, n]: real i to generated j; read by columns for precision, by rows for recall.
        double[] between = KernelMmd.squaredDistances(r, g).data().asDouble();
        int inReal = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                if (between[i * n + j] <= realRadii[i]) {
                    inReal++;
                    break;
                }
            }
        }
        int inGenerated = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if (between[i * n + j] <= generatedRadii[j]) {
                    inGenerated++;
                    break;
                }
            }
        }
        return new ManifoldPrecisionRecall((double) inReal / n, (double) inGenerated / m);
    }

    /** Each row's squared distance to its k-th nearest other row, from the [n, n] squared distances. */
    private static double[] squaredRadii(double[] distances, int n, int k) {
        double[] radii = new double[n];
        for (int i = 0; i < n; i++) {
            double[] row = Arrays.copyOfRange(distances, i * n, (i + 1) * n);
            Arrays.sort(row);
            // row[0] is the row's distance to itself.
            radii[i] = row[k];
        }
        return radii;
    }
}
