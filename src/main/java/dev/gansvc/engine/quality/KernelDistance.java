package dev.gansvc.engine.quality;

import dev.gansvc.engine.data.Permutations;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The kernel distance of KID (Bińkowski et al. 2018): the unbiased MMD² between two sets of
 * feature vectors (rows of [n, d]) under the cubic polynomial kernel k(a, b) = (a·b / d + 1)³,
 * averaged over random subsets of both. Unlike the Fréchet distance it assumes nothing about the
 * features' distribution and its estimate is unbiased, so it can come out slightly negative when
 * the sets match. {@link KernelMmd} is the same statistic under Gaussian kernels.
 *
 * @param mean the mean over subsets
 * @param std  the standard deviation over subsets (population, as the reference code reports it)
 */
public record KernelDistance(double mean, double std) {

    /**
     * Subsets measured: the reference code takes 100 of min(1000, n), which for n = 1000 are
     * the whole sets each time; {@link #subsetSize} halves them so that the subsets differ.
     */
    public static final int SUBSETS = 50;

    private static final int MAX_SUBSET = 1000;
    /** Subsets are drawn the same way for every job, so figures on the same features compare. */
    private static final long SUBSET_SEED = 0x4B1DL;

    /** How many rows of each set a subset takes when the smaller set has {@code n}: half, between 2 and 1000. */
    public static int subsetSize(int n) {
        return Math.max(2, Math.min(MAX_SUBSET, n / 2));
    }

    public static KernelDistance between(INDArray x, INDArray y) {
        return between(x, y, SUBSETS, subsetSize((int) Math.min(x.size(0), y.size(0))));
    }

    /** Over {@code subsets} subsets of {@code size} rows of each set, drawn without replacement. */
    public static KernelDistance between(INDArray x, INDArray y, int subsets, int size) {
        INDArray a = x.castTo(DataType.DOUBLE);
        INDArray b = y.castTo(DataType.DOUBLE);
        int m = (int) a.size(0);
        int n = (int) b.size(0);
        if (size < 2 || size > Math.min(m, n)) {
            throw new IllegalArgumentException("subsets of " + size + " rows from sets of " + m + " and " + n);
        }
        // Every kernel value once; the subsets only add up entries of these matrices.
        double[] kxx = kernel(a, a);
        double[] kyy = kernel(b, b);
        double[] kxy = kernel(a, b);
        SplittableRandom random = new SplittableRandom(SUBSET_SEED);
        double[] mmd2 = new double[subsets];
        for (int s = 0; s < subsets; s++) {
            int[] i = Permutations.of(m, random);
            int[] j = Permutations.of(n, random);
            double xx = 0;
            double yy = 0;
            double xy = 0;
            for (int p = 0; p < size; p++) {
                for (int q = 0; q < size; q++) {
                    if (p != q) {
                        xx += kxx[i[p] * m + i[q]];
                        yy += kyy[j[p] * n + j[q]];
                    }
                    xy += kxy[i[p] * n + j[q]];
                }
            }
            mmd2[s] = (xx + yy) / ((double) size * (size - 1)) - 2 * xy / ((double) size * size);
        }
        double mean = 0;
        for (double v : mmd2) {
            mean += v / subsets;
        }
        double variance = 0;
        for (double v : mmd2) {
            variance += (v - mean) * (v - mean) / subsets;
        }
        return new KernelDistance(mean, Math.sqrt(variance));
    }

    /** (a_i·b_j / d + 1)³ for every pair of rows, row-major. */
    private static double[] kernel(INDArray a, INDArray b) {
        INDArray dot = a.mmul(b.transpose()).divi(a.size(1)).addi(1);
        return Transforms.pow(dot, 3, false).data().asDouble();
    }
}
