package dev.gansvc.engine.model;

import dev.gansvc.engine.nn.Tensors;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A mixture of full-covariance Gaussians fitted by EM to the codes an encoder gives training
 * examples (ex-post density estimation, Ghosh et al. 2020), which an autoencoder's or VAE's
 * samples are decoded from instead of N(0, I): the codes of digits form clusters with holes
 * between them, and decoding N(0, I) lands in the holes as often as not.
 *
 * <p>Sampling keeps its standard-normal latent points: each picks its component by {@link
 * LatentChoice} and is then scaled and shifted by it, so the same latent point always decodes to
 * the same sample and seeds, snapshots and walks work as before. Plain Java doubles
 * throughout, so the same codes give the same fit on every backend and machine, and a resumed
 * run refits it bit for bit.
 */
public final class CodeDensity {

    public static final Option.Whole COMPONENTS = new Option.Whole(
            "codeComponents",
            "Gaussians in the mixture fitted to the training examples' codes after each epoch, which samples are "
                    + "decoded from (ex-post density estimation); 0 decodes N(0, I)",
            0,
            50,
            0);

    /**
     * Codes fitted at most after the last epoch: every training digit of the bundled set (all
     * 9,000 gave better samples than 2,000 with 20 components).
     */
    static final int MAX_CODES = 10_000;
    /** Codes fitted after the epochs before, whose fit only shows progress: a fraction of the cost. */
    static final int PROGRESS_CODES = 2_000;

    /** 30 EM iterations gave samples about as good as 100 on the bundled digits, in a third of the time. */
    private static final int MAX_ITERATIONS = 30;
    /** Stop when an iteration raises the mean log-likelihood of a code by less than this. */
    private static final double TOLERANCE = 1e-4;
    /** Added to every covariance's diagonal so that a tight or nearly empty component stays invertible. */
    private static final double RIDGE = 1e-3;

    private final double[] weights;
    private final double[][] means;
    /** Each covariance's lower Cholesky factor. */
    private final double[][][] factors;

    private CodeDensity(double[] weights, double[][] means, double[][][] factors) {
        this.weights = weights;
        this.means = means;
        this.factors = factors;
    }

    /**
     * The mixture of at most {@code components} Gaussians fitted to {@code codes} ([n, latent]);
     * fewer when there are too few codes for that many (at least 2 (latent + 1) codes each).
     * Started by k-means++ seeded with {@code seed}.
     */
    public static CodeDensity fit(INDArray codes, int components, long seed) {
        double[][] x = Tensors.doubleRows(codes);
        int d = x[0].length;
        int k = Math.max(1, Math.min(components, x.length / (2 * (d + 1))));
        double[][] responsibilities = nearestCentres(x, KMeans.plusPlus(x, k, new SplittableRandom(seed)));
        CodeDensity density = maximise(x, responsibilities);
        double previous = Double.NEGATIVE_INFINITY;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double logLikelihood = density.expect(x, responsibilities);
            if (logLikelihood - previous < TOLERANCE) {
                break;
            }
            previous = logLikelihood;
            density = maximise(x, responsibilities);
        }
        return density;
    }

    public int components() {
        return weights.length;
    }

    public int latentDim() {
        return means[0].length;
    }

    /** The codes that standard-normal latent points [n, latent] stand for (see the class comment). */
    public INDArray codes(INDArray latent) {
        double[][] z = Tensors.doubleRows(latent);
        int d = latentDim();
        double[] codes = new double[z.length * d];
        for (int i = 0; i < z.length; i++) {
            double[] standard = z[i].clone();
            int c = LatentChoice.choose(standard, weights);
            for (int a = 0; a < d; a++) {
                double v = means[c][a];
                for (int b = 0; b <= a; b++) {
                    v += factors[c][a][b] * standard[b];
                }
                codes[i * d + a] = v;
            }
        }
        return Nd4j.create(codes, new long[] {z.length, d}, 'c').castTo(latent.dataType());
    }

    /** The components and their weights, for an exporter. */
    GeneratorGraph.Components choice() {
        double[][][] l = new double[factors.length][][];
        for (int c = 0; c < l.length; c++) {
            l[c] = Arrays.stream(factors[c]).map(double[]::clone).toArray(double[][]::new);
        }
        return new GeneratorGraph.Components(
                weights.clone(), Arrays.stream(means).map(double[]::clone).toArray(double[][]::new), l);
    }

    /** The weights [k], means [k, latent] and Cholesky factors [k, latent, latent], for saving. */
    public INDArray[] arrays() {
        return new INDArray[] {Nd4j.createFromArray(weights), Nd4j.createFromArray(means), Nd4j.createFromArray(factors)
        };
    }

    /** The density {@link #arrays()} gave. */
    public static CodeDensity of(INDArray weights, INDArray means, INDArray factors) {
        int k = (int) weights.length();
        int d = (int) means.size(1);
        double[][][] l = new double[k][d][];
        for (int c = 0; c < k; c++) {
            l[c] = factors.get(NDArrayIndex.point(c)).toDoubleMatrix();
        }
        return new CodeDensity(weights.toDoubleVector(), means.toDoubleMatrix(), l);
    }

    private static double[][] nearestCentres(double[][] x, double[][] centres) {
        double[][] r = new double[x.length][centres.length];
        for (int i = 0; i < x.length; i++) {
            r[i][KMeans.nearest(x[i], centres)] = 1;
        }
        return r;
    }

    /** The M step: each component's weight, mean and covariance from the codes' responsibilities. */
    private static CodeDensity maximise(double[][] x, double[][] r) {
        int n = x.length;
        int d = x[0].length;
        int k = r[0].length;
        double[] weights = new double[k];
        double[][] means = new double[k][d];
        double[][][] factors = new double[k][][];
        for (int c = 0; c < k; c++) {
            // A component nobody chose keeps a tiny weight, so its logarithm stays finite.
            double share = Double.MIN_NORMAL;
            for (int i = 0; i < n; i++) {
                share += r[i][c];
                for (int a = 0; a < d; a++) {
                    means[c][a] += r[i][c] * x[i][a];
                }
            }
            for (int a = 0; a < d; a++) {
                means[c][a] /= share;
            }
            double[][] covariance = new double[d][d];
            double[] centred = new double[d];
            for (int i = 0; i < n; i++) {
                // Far codes add nothing measurable; skipping them makes the step cost about n d², not n k d².
                if (r[i][c] < 1e-9) {
                    continue;
                }
                for (int a = 0; a < d; a++) {
                    centred[a] = x[i][a] - means[c][a];
                }
                for (int a = 0; a < d; a++) {
                    double ra = r[i][c] * centred[a];
                    for (int b = 0; b <= a; b++) {
                        covariance[a][b] += ra * centred[b];
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b <= a; b++) {
                    covariance[a][b] /= share;
                }
                covariance[a][a] += RIDGE;
            }
            weights[c] = share / n;
            factors[c] = cholesky(covariance);
        }
        return new CodeDensity(weights, means, factors);
    }

    /** The E step: fills each code's responsibilities, and returns the mean log-likelihood of a code. */
    private double expect(double[][] x, double[][] r) {
        int k = weights.length;
        double[] logDensity = new double[k];
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                logDensity[c] = Math.log(weights[c]) + logNormal(x[i], c);
                max = Math.max(max, logDensity[c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                r[i][c] = Math.exp(logDensity[c] - max);
                sum += r[i][c];
            }
            for (int c = 0; c < k; c++) {
                r[i][c] /= sum;
            }
            total += max + Math.log(sum);
        }
        return total / x.length;
    }

    /** log N(x; mean_c, L_c L_cᵀ), by solving L_c y = x - mean_c. */
    private double logNormal(double[] x, int c) {
        double[][] l = factors[c];
        int d = x.length;
        double[] y = new double[d];
        double squared = 0;
        double logDeterminant = 0;
        for (int a = 0; a < d; a++) {
            double s = x[a] - means[c][a];
            for (int b = 0; b < a; b++) {
                s -= l[a][b] * y[b];
            }
            y[a] = s / l[a][a];
            squared += y[a] * y[a];
            logDeterminant += Math.log(l[a][a]);
        }
        return -0.5 * squared - logDeterminant - 0.5 * d * Math.log(2 * Math.PI);
    }

    /** The lower Cholesky factor of a symmetric positive-definite matrix given by its lower triangle. */
    private static double[][] cholesky(double[][] a) {
        int d = a.length;
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int q = 0; q < j; q++) {
                    s -= l[i][q] * l[j][q];
                }
                l[i][j] = i == j ? Math.sqrt(Math.max(s, RIDGE)) : s / l[j][j];
            }
        }
        return l;
    }
}
