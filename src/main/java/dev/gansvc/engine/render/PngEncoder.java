package dev.gansvc.engine.render;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Encodes 8-bit grey or RGB rasters as PNG. Sample grids are on the latency path of
 * {@code sample.png}; ImageIO's general-purpose writer took several milliseconds per grid and
 * needed many calls to warm up, while this is a row copy and one zlib call.
 */
final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte FILTER_NONE = 0;

    private PngEncoder() {}

    /**
     * @param pixels   row-major, channels interleaved
     * @param channels 1 (grey) or 3 (RGB)
     */
    static byte[] encode(byte[] pixels, int width, int height, int channels) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("PNG encoding supports 1 or 3 channels, not " + channels);
        }
        int stride = width * channels;
        // Unfiltered rows: a per-byte filter pass cost more time than it saved in bytes here.
        byte[] filtered = new byte[height * (stride + 1)];
        for (int y = 0; y < height; y++) {
            filtered[y * (stride + 1)] = FILTER_NONE;
            System.arraycopy(pixels, y * stride, filtered, y * (stride + 1) + 1, stride);
        }
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        deflater.setInput(filtered);
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(filtered.length / 2 + 64);
        byte[] buffer = new byte[16 * 1024];
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();

        ByteArrayOutputStream png = new ByteArrayOutputStream(compressed.size() + 64);
        png.writeBytes(SIGNATURE);
        ByteBuffer header = ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) 8) // bit depth
                .put((byte) (channels == 1 ? 0 : 2)) // colour type: grey or truecolour
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0); // deflate, adaptive filtering, no interlace
        chunk(png, "IHDR", header.array());
        chunk(png, "IDAT", compressed.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
