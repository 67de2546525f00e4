package dev.gansvc.engine.render;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Pictures of generator samples as PNG: images in [-1, 1] laid out as a near-square grid with a
 * 2-pixel gutter; rows of numbers as a {@link ScatterPlot}.
 */
public final class SampleGrid {

    private static final int GUTTER = 2;

    private SampleGrid() {}

    /** Images as a grid, rows of numbers as a scatter plot. */
    public static byte[] picture(INDArray samples) {
        return samples.rank() == 4 ? png(samples) : ScatterPlot.png(samples);
    }

    /** @param images [n, channels (1 or 3), height, width] in [-1, 1], laid out near-square */
    public static byte[] png(INDArray images) {
        return png(images, (int) Math.ceil(Math.sqrt(images.size(0))));
    }

    /** @param images [n, channels (1 or 3), height, width] in [-1, 1], {@code cols} to a row */
    public static byte[] png(INDArray images, int cols) {
        int n = (int) images.size(0);
        int channels = (int) images.size(1);
        int h = (int) images.size(2);
        int w = (int) images.size(3);
        int rows = (n + cols - 1) / cols;
        int width = cols * (w + GUTTER) + GUTTER;
        int height = rows * (h + GUTTER) + GUTTER;
        // Pixel conversion and channel interleaving run as array ops; Java only copies rows,
        // so the first requests are not slowed by the JIT compiling per-pixel loops.
        byte[] pixels = toBytes(images.permute(0, 2, 3, 1));
        byte[] grid = new byte[width * height * channels];
        int rowBytes = w * channels;
        for (int i = 0; i < n; i++) {
            int x0 = GUTTER + (i % cols) * (w + GUTTER);
            int y0 = GUTTER + (i / cols) * (h + GUTTER);
            for (int y = 0; y < h; y++) {
                System.arraycopy(pixels, (i * h + y) * rowBytes, grid, ((y0 + y) * width + x0) * channels, rowBytes);
            }
        }
        return PngEncoder.encode(grid, width, height, channels);
    }

    /** round((v + 1) * 127.5) clipped to 0..255, as unsigned bytes in c order. */
    private static byte[] toBytes(INDArray values) {
        INDArray scaled = values.mul(127.5).addi(128.0); // + 0.5 so that the truncating cast rounds
        Nd4j.exec(DynamicCustomOp.builder("clipbyvalue")
                .addInputs(scaled)
                .addOutputs(scaled)
                .addFloatingPointArguments(0.0, 255.5)
                .build());
        INDArray bytes = scaled.castTo(DataType.UINT8).dup('c');
        byte[] out = new byte[(int) bytes.length()];
        bytes.data().asNio().get(out);
        return out;
    }
}
