package dev.gansvc.engine.quality;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Squared Maximum Mean Discrepancy (Gretton et al. 2012) under a sum of Gaussian kernels
 * k(a, b) = sum_s exp(-|a - b|^2 / (2 s^2)): zero exactly when two distributions are equal,
 * and sensitive at several length scales at once. Rows of [n, features] are examples.
 */
public final class KernelMmd {

    private final double[] bandwidths;

    public KernelMmd(double... bandwidths) {
        if (bandwidths.length == 0) {
            throw new IllegalArgumentException("at least one bandwidth");
        }
        this.bandwidths = bandwidths.clone();
    }

    /**
     * Bandwidths {@code multipliers} times the median distance between the rows of {@code x}:
     * kernels at the data's own scale, whatever its units.
     */
    public static KernelMmd atMedianScale(INDArray x, double... multipliers) {
        double median = Math.sqrt(Math.max(medianSquaredDistance(x), 1e-12));
        double[] s = new double[multipliers.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = multipliers[i] * median;
        }
        return new KernelMmd(s);
    }

    public double[] bandwidths() {
        return bandwidths.clone();
    }

    /** The biased (V-statistic) MMD^2 of real rows x and generated rows y, and its gradient with respect to y. */
    public ValueAndGradient biasedWithGradient(INDArray x, INDArray y) {
        int m = (int) x.size(0);
        int n = (int) y.size(0);
        Kernels xx = kernels(x, x);
        Kernels yy = kernels(y, y);
        Kernels xy = kernels(x, y);
        double value = xx.k.sumNumber().doubleValue() / ((double) m * m)
                + yy.k.sumNumber().doubleValue() / ((double) n * n)
                - 2 * xy.k.sumNumber().doubleValue() / ((double) m * n);
        // d k(a, b) / d b = k(a, b) (a - b) / s^2; w sums k / s^2 over the bandwidths.
        INDArray fromY =
                yy.w.mmul(y).subi(y.mulColumnVector(yy.w.sum(1).reshape(n, 1))).muli(2.0 / ((double) n * n));
        INDArray fromX = xy.w.transpose()
                .mmul(x)
                .subi(y.mulColumnVector(xy.w.sum(0).reshape(n, 1)))
                .muli(2.0 / ((double) m * n));
        return new ValueAndGradient(value, fromY.subi(fromX));
    }

    /**
     * The unbiased MMD^2 estimate (self-pairs left out); may be slightly negative when the
     * distributions match.
     */
    public double unbiased(INDArray x, INDArray y) {
        int m = (int) x.size(0);
        int n = (int) y.size(0);
        double kxx = kernels(x, x).k.sumNumber().doubleValue() - m * bandwidths.length;
        double kyy = kernels(y, y).k.sumNumber().doubleValue() - n * bandwidths.length;
        double kxy = kernels(x, y).k.sumNumber().doubleValue();
        return kxx / ((double) m * (m - 1)) + kyy / ((double) n * (n - 1)) - 2 * kxy / ((double) m * n);
    }

    public record ValueAndGradient(double value, INDArray gradient) {}

    /** k: the summed kernel matrix; w: the same with each kernel divided by its s^2. */
    private record Kernels(INDArray k, INDArray w) {}

    private Kernels kernels(INDArray a, INDArray b) {
        INDArray d2 = squaredDistances(a, b);
        INDArray k = Nd4j.zerosLike(d2);
        INDArray w = Nd4j.zerosLike(d2);
        for (double s : bandwidths) {
            INDArray ks = Transforms.exp(d2.mul(-1 / (2 * s * s)), false);
            k.addi(ks);
            w.addi(ks.muli(1 / (s * s)));
        }
        return new Kernels(k, w);
    }

    /** |a_i - b_j|^2 for every pair of rows, clipped at 0 against rounding. */
    public static INDArray squaredDistances(INDArray a, INDArray b) {
        INDArray a2 = a.mul(a).sum(1).reshape(a.size(0), 1);
        INDArray b2 = b.mul(b).sum(1).reshape(1, b.size(0));
        INDArray d2 = a.mmul(b.transpose()).muli(-2).addiColumnVector(a2).addiRowVector(b2);
        return Transforms.max(d2, 0.0, false);
    }

    private static double medianSquaredDistance(INDArray x) {
        int n = (int) x.size(0);
        float[] d = squaredDistances(x, x).data().asFloat();
        float[] offDiagonal = new float[n * (n - 1)];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    offDiagonal[k++] = d[i * n + j];
                }
            }
        }
        Arrays.sort(offDiagonal);
        return offDiagonal.length == 0 ? 1 : offDiagonal[offDiagonal.length / 2];
    }
}
