package dev.gansvc.engine.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads the IDX format of the MNIST distribution (images: magic 0x803, labels: magic 0x801),
 * gzipped or not, into an {@link ImageDataset} with pixels scaled from 0..255 to [-1, 1].
 */
public final class IdxFiles {

    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;

    private IdxFiles() {}

    public static ImageDataset read(InputStream images, InputStream labels) throws IOException {
        try (DataInputStream in = open(images);
                DataInputStream lin = open(labels)) {
            int magic = in.readInt();
            if (magic != IMAGES_MAGIC) {
                throw new IOException(
                        "not an IDX image file (magic 0x%08x, expected 0x%08x)".formatted(magic, IMAGES_MAGIC));
            }
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            int labelMagic = lin.readInt();
            if (labelMagic != LABELS_MAGIC) {
                throw new IOException(
                        "not an IDX label file (magic 0x%08x, expected 0x%08x)".formatted(labelMagic, LABELS_MAGIC));
            }
            int labelCount = lin.readInt();
            if (labelCount != count) {
                throw new IOException("IDX files disagree: " + count + " images but " + labelCount + " labels");
            }
            int pixelsPerImage = rows * cols;
            byte[] raw = new byte[Math.multiplyExact(count, pixelsPerImage)];
            in.readFully(raw);
            float[] pixels = new float[raw.length];
            for (int i = 0; i < raw.length; i++) {
                pixels[i] = (raw[i] & 0xFF) / 127.5f - 1f;
            }
            byte[] rawLabels = new byte[count];
            lin.readFully(rawLabels);
            int[] labelValues = new int[count];
            for (int i = 0; i < count; i++) {
                labelValues[i] = rawLabels[i] & 0xFF;
            }
            return new ImageDataset(
                    Nd4j.create(pixels, new long[] {count, pixelsPerImage}, 'c'), labelValues, 1, rows, cols);
        }
    }

    private static DataInputStream open(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        boolean gzip = b1 == 0x1f && b2 == 0x8b;
        return new DataInputStream(gzip ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in);
    }
}
