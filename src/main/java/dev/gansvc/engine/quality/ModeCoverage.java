package dev.gansvc.engine.quality;

import dev.gansvc.engine.data.GaussianMixture;

/**
 * Mode coverage of samples from a 2D Gaussian mixture, as VEEGAN and PacGAN define it: a sample
 * is high quality when it lies within three standard deviations of its nearest mode, and a mode
 * is covered when it is the nearest mode of at least one high-quality sample.
 */
public record ModeCoverage(int modesCovered, int modes, double highQualityPercent, int samples) {

    /** The number of samples the published figures use. */
    public static final int STANDARD_SAMPLES = 2500;

    /** @param xy samples as x0, y0, x1, y1, ... */
    public static ModeCoverage of(float[] xy, GaussianMixture mixture) {
        double[][] means = mixture.means();
        double limit = 3 * mixture.std();
        boolean[] covered = new boolean[means.length];
        int n = xy.length / 2;
        int highQuality = 0;
        for (int i = 0; i < n; i++) {
            int nearest = 0;
            double best = Double.POSITIVE_INFINITY;
            for (int m = 0; m < means.length; m++) {
                double dx = xy[2 * i] - means[m][0];
                double dy = xy[2 * i + 1] - means[m][1];
                double d = dx * dx + dy * dy;
                if (d < best) {
                    best = d;
                    nearest = m;
                }
            }
            if (Math.sqrt(best) <= limit) {
                highQuality++;
                covered[nearest] = true;
            }
        }
        int modesCovered = 0;
        for (boolean c : covered) {
            modesCovered += c ? 1 : 0;
        }
        return new ModeCoverage(modesCovered, means.length, n == 0 ? 0 : 100.0 * highQuality / n, n);
    }
}
