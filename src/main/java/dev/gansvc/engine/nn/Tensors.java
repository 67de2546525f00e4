package dev.gansvc.engine.nn;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Small array helpers shared by the layers. */
public final class Tensors {

    private Tensors() {}

    /** A view of {@code flat[offset, offset+length)} shaped as {@code shape} (C order). */
    public static INDArray slice(INDArray flat, long offset, long... shape) {
        long length = 1;
        for (long s : shape) {
            length *= s;
        }
        return flat.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(offset, offset + length))
                .reshape('c', shape);
    }

    /** Gaussian values from a seeded Java RNG, so initial weights and noise do not depend on the backend. */
    public static INDArray gaussian(SplittableRandom random, double mean, double std, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        float[] values = new float[Math.toIntExact(n)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (mean + std * random.nextGaussian());
        }
        return of(values, shape);
    }

    /** Values in c order as an array of the default floating-point type. */
    public static INDArray of(float[] values, long... shape) {
        INDArray array = Nd4j.create(values, shape, 'c');
        return array.dataType() == Nd4j.defaultFloatingPointType()
                ? array
                : array.castTo(Nd4j.defaultFloatingPointType());
    }

    public static void fillGaussian(INDArray target, SplittableRandom random, double mean, double std) {
        target.assign(gaussian(random, mean, std, target.shape()));
    }

    /** Zeros of the default floating-point type (float in the service, double in gradient checks). */
    public static INDArray zeros(long... shape) {
        return Nd4j.zeros(Nd4j.defaultFloatingPointType(), shape);
    }

    /**
     * The rows of a matrix ([n, ...], flattened per row) through one bulk copy: ND4J's
     * {@code toFloatMatrix} copies row by row, 80 ms for 2,500 rows of two values.
     */
    public static float[][] floatRows(INDArray matrix) {
        int n = (int) matrix.size(0);
        int width = n == 0 ? 0 : (int) (matrix.length() / n);
        float[] flat = matrix.dup('c').data().asFloat();
        float[][] rows = new float[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = java.util.Arrays.copyOfRange(flat, i * width, (i + 1) * width);
        }
        return rows;
    }

    /** {@link #floatRows} in doubles. */
    public static double[][] doubleRows(INDArray matrix) {
        int n = (int) matrix.size(0);
        int width = n == 0 ? 0 : (int) (matrix.length() / n);
        double[] flat = matrix.dup('c').data().asDouble();
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = java.util.Arrays.copyOfRange(flat, i * width, (i + 1) * width);
        }
        return rows;
    }

    private static final int CACHED_ONES = 4096;
    private static final Map<DataType, INDArray> ONES = new ConcurrentHashMap<>();

    /**
     * An [n, 1] column of ones, for bias terms and column sums as GEMMs: up to {@value
     * CACHED_ONES} rows a view of one column made once, outside any workspace, and only read.
     */
    public static INDArray onesColumn(long n, DataType type) {
        if (n > CACHED_ONES) {
            return Nd4j.ones(type, n, 1);
        }
        INDArray ones = ONES.computeIfAbsent(type, t -> {
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                return Nd4j.ones(t, CACHED_ONES, 1);
            }
        });
        return ones.get(
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, n), org.nd4j.linalg.indexing.NDArrayIndex.all());
    }
}
