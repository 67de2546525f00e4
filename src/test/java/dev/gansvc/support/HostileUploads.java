package dev.gansvc.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Uploads meant to exhaust a server's memory: decompression and image bombs, and very wide tables. */
public final class HostileUploads {

    private HostileUploads() {}

    /** A zip whose one entry is {@code bytes} zeros: 1 GiB packs into about 1 MB. */
    public static byte[] deflateBomb(long bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("zeros.png"));
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < bytes; written += zeros.length) {
                zip.write(zeros, 0, (int) Math.min(zeros.length, bytes - written));
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A zip of one PNG that declares {@code width} x {@code height} pixels in 45 bytes. */
    public static byte[] pixelBomb(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("bomb.png"));
            zip.write(pngHeader(width, height));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One CSV line of {@code columns} 19-character numbers. */
    public static byte[] wideCsv(int columns) {
        StringBuilder line = new StringBuilder(columns * 20);
        for (int c = 0; c < columns; c++) {
            line.append(c == 0 ? "" : ",").append("0.12345678901234567");
        }
        return line.append('\n').toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The PNG signature, an IHDR chunk declaring the size (8-bit grey), and IEND: no pixels. */
    private static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8);
        ByteBuffer png = ByteBuffer.allocate(8 + 25 + 12);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(png, "IHDR", ihdr.array());
        chunk(png, "IEND", new byte[0]);
        return png.array();
    }

    private static void chunk(ByteBuffer png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue());
    }
}
