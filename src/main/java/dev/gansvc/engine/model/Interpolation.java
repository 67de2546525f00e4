package dev.gansvc.engine.model;

import dev.gansvc.engine.nn.Workspaces;
import dev.gansvc.engine.render.SampleGrid;
import java.util.OptionalInt;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Walks between latent points: each row of the picture goes from one random latent point to
 * another in {@code steps} images, along the great circle between them (spherical
 * interpolation, White 2016), which keeps every point as likely under the Gaussian prior as
 * its ends; a straight line would pass through the improbable region near the origin.
 */
public final class Interpolation {

    private Interpolation() {}

    /** A PNG of {@code rows} walks of {@code steps} images each; the same seed gives the same bytes. */
    public static byte[] png(GeneratorModel generator, int rows, int steps, long seed, OptionalInt label) {
        if (!generator.shape().image()) {
            throw new IllegalArgumentException("interpolation pictures are drawn for image models");
        }
        return Workspaces.run("interpolation", () -> {
            int latent = generator.latentDim();
            INDArray ends = LatentNoise.sample(seed, 2 * rows, latent);
            float[] path = new float[rows * steps * latent];
            for (int r = 0; r < rows; r++) {
                float[] a = ends.getRow(2 * r).toFloatVector();
                float[] b = ends.getRow(2 * r + 1).toFloatVector();
                for (int s = 0; s < steps; s++) {
                    float[] z = slerp(a, b, steps == 1 ? 0 : (double) s / (steps - 1));
                    System.arraycopy(z, 0, path, (r * steps + s) * latent, latent);
                }
            }
            INDArray z = Nd4j.create(path, new long[] {(long) rows * steps, latent}, 'c');
            return SampleGrid.png(generator.generate(z, label), steps);
        });
    }

    static float[] slerp(float[] a, float[] b, double t) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        double omega = Math.acos(Math.max(-1, Math.min(1, dot / Math.sqrt(na * nb))));
        double wa;
        double wb;
        if (omega < 1e-6) {
            wa = 1 - t;
            wb = t;
        } else {
            wa = Math.sin((1 - t) * omega) / Math.sin(omega);
            wb = Math.sin(t * omega) / Math.sin(omega);
        }
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) (wa * a[i] + wb * b[i]);
        }
        return out;
    }
}
