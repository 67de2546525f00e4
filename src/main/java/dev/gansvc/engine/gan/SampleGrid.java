package dev.gansvc.engine.gan;

import dev.gansvc.engine.nn.Workspaces;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Lays generator outputs in [-1, 1] out as a PNG grid, near-square, with a 2-pixel gutter. */
public final class SampleGrid {

    private static final int GUTTER = 2;
    private static final String WORKSPACE = "gan-sampling";

    private SampleGrid() {
    }

    /** Samples the generator in inference mode and encodes the grid; the same seed gives the same bytes. */
    public static byte[] png(GeneratorModel generator, int count, long seed) {
        return Workspaces.run(WORKSPACE, () -> png(generator.generate(count, seed)));
    }

    /** The grid for fixed latent points (created outside; only temporaries use the workspace). */
    public static byte[] png(GeneratorModel generator, INDArray latent) {
        return Workspaces.run(WORKSPACE, () -> png(generator.generate(latent)));
    }

    /** @param images [n, channels (1 or 3), height, width] in [-1, 1] */
    public static byte[] png(INDArray images) {
        int n = (int) images.size(0);
        int channels = (int) images.size(1);
        int h = (int) images.size(2);
        int w = (int) images.size(3);
        int cols = (int) Math.ceil(Math.sqrt(n));
        int rows = (n + cols - 1) / cols;
        int width = cols * (w + GUTTER) + GUTTER;
        int height = rows * (h + GUTTER) + GUTTER;
        byte[] grid = new byte[width * height * channels];
        float[] pixels = images.dup('c').data().asFloat();
        int plane = h * w;
        for (int i = 0; i < n; i++) {
            int x0 = GUTTER + (i % cols) * (w + GUTTER);
            int y0 = GUTTER + (i / cols) * (h + GUTTER);
            int base = i * channels * plane;
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < h; y++) {
                    int src = base + c * plane + y * w;
                    int dst = ((y0 + y) * width + x0) * channels + c;
                    for (int x = 0; x < w; x++) {
                        grid[dst + x * channels] = (byte) toByte(pixels[src + x]);
                    }
                }
            }
        }
        return PngEncoder.encode(grid, width, height, channels);
    }

    private static int toByte(float v) {
        return Math.max(0, Math.min(255, Math.round((v + 1f) * 127.5f)));
    }
}
