package dev.gansvc.engine.nn;

import java.util.SplittableRandom;
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
}
