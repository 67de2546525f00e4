package dev.gansvc.engine.data;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An equal-weight mixture of isotropic 2D Gaussians: the standard data for measuring mode
 * collapse (VEEGAN, Srivastava et al. 2017; PacGAN, Lin et al. 2018).
 */
public record GaussianMixture(String name, double[][] means, double std) {

    /** 8 Gaussians on a circle of radius 1, std 0.01. */
    public static GaussianMixture ring8() {
        double[][] means = new double[8][];
        for (int i = 0; i < 8; i++) {
            double angle = 2 * Math.PI * i / 8;
            means[i] = new double[] {Math.cos(angle), Math.sin(angle)};
        }
        return new GaussianMixture("ring8", means, 0.01);
    }

    /** 25 Gaussians with means {-4, -2, 0, 2, 4}^2, std 0.05. */
    public static GaussianMixture grid25() {
        double[][] means = new double[25][];
        for (int i = 0; i < 25; i++) {
            means[i] = new double[] {-4 + 2 * (i / 5), -4 + 2 * (i % 5)};
        }
        return new GaussianMixture("grid25", means, 0.05);
    }

    /** The built-in mixtures by name. */
    public static Optional<GaussianMixture> byName(String name) {
        return switch (name) {
            case "ring8" -> Optional.of(ring8());
            case "grid25" -> Optional.of(grid25());
            default -> Optional.empty();
        };
    }

    public static List<String> names() {
        return List.of("ring8", "grid25");
    }

    public int modes() {
        return means.length;
    }

    /** {@code n} points, each from a uniformly chosen component, labelled with it; the seed fixes them all. */
    public TabularDataset sample(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] xy = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int mode = random.nextInt(means.length);
            labels[i] = mode;
            xy[2 * i] = (float) (means[mode][0] + std * random.nextGaussian());
            xy[2 * i + 1] = (float) (means[mode][1] + std * random.nextGaussian());
        }
        return new TabularDataset(
                Nd4j.create(xy, new long[] {n, 2}, 'c'),
                labels,
                IntStream.range(0, means.length).mapToObj(m -> "mode " + m).toList());
    }
}
