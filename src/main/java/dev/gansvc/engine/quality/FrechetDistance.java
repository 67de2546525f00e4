package dev.gansvc.engine.quality;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The Fréchet distance between Gaussians fitted to two sets of feature vectors (rows of [n, d]),
 * as FID computes it on Inception features (Heusel et al. 2017): |μ1 − μ2|² + Tr(Σ1 + Σ2 −
 * 2 (Σ1 Σ2)^½). 0 for sets with the same mean and covariance; in squared feature units.
 */
public final class FrechetDistance {

    private FrechetDistance() {}

    public static double between(INDArray x, INDArray y) {
        INDArray a = x.castTo(DataType.DOUBLE);
        INDArray b = y.castTo(DataType.DOUBLE);
        INDArray meanA = a.mean(0);
        INDArray meanB = b.mean(0);
        return between(meanA, covariance(a, meanA), meanB, covariance(b, meanB));
    }

    /** Between the Gaussians N(mean1, covariance1) and N(mean2, covariance2), in double. */
    public static double between(INDArray mean1, INDArray covariance1, INDArray mean2, INDArray covariance2) {
        double means = Transforms.pow(mean1.sub(mean2), 2, false).sumNumber().doubleValue();
        // Tr (Σ1 Σ2)^½ = Σ sqrt(eigenvalues) of the symmetric Σ1^½ Σ2 Σ1^½, which has the same
        // eigenvalues as Σ1 Σ2 but, unlike it, a stable symmetric eigendecomposition.
        INDArray root1 = symmetricSquareRoot(covariance1);
        INDArray product = root1.mmul(covariance2).mmul(root1);
        INDArray symmetric = product.add(product.transpose()).muli(0.5);
        double traceOfRoot = 0;
        for (double eigenvalue :
                Eigen.symmetricGeneralizedEigenvalues(symmetric, false).toDoubleVector()) {
            traceOfRoot += Math.sqrt(Math.max(eigenvalue, 0));
        }
        return means + trace(covariance1) + trace(covariance2) - 2 * traceOfRoot;
    }

    /** The sample covariance (n − 1 in the denominator) of the rows of x about {@code mean}. */
    static INDArray covariance(INDArray x, INDArray mean) {
        INDArray centred = x.subRowVector(mean);
        return centred.transpose().mmul(centred).divi(Math.max(1, x.size(0) - 1));
    }

    /** V diag(sqrt λ) Vᵀ, with eigenvalues that rounding made negative taken as 0. */
    private static INDArray symmetricSquareRoot(INDArray symmetric) {
        INDArray vectors = symmetric.dup();
        // Overwrites its argument with the eigenvectors, as columns.
        INDArray values = Eigen.symmetricGeneralizedEigenvalues(vectors, true);
        INDArray roots = Transforms.sqrt(Transforms.max(values, 0.0, false), false);
        return vectors.mulRowVector(roots).mmul(vectors.transpose());
    }

    private static double trace(INDArray square) {
        double sum = 0;
        for (int i = 0; i < square.rows(); i++) {
            sum += square.getDouble(i, i);
        }
        return sum;
    }
}
