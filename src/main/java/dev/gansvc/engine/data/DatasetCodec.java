package dev.gansvc.engine.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The stored form of an uploaded dataset (gzip): shape, class names, labels, then the values,
 * images as 8-bit pixels (what they were decoded from, so nothing is lost) and tables as
 * 32-bit floats.
 */
public final class DatasetCodec {

    private static final int MAGIC = 0x47445331; // "GDS1"
    private static final byte IMAGES = 0;
    private static final byte TABLE = 1;

    private DatasetCodec() {}

    public static byte[] encode(Dataset data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out =
                new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(bytes, 1 << 16), 1 << 16))) {
            long[] shape = data.exampleShape();
            out.writeInt(MAGIC);
            out.writeByte(shape.length == 3 ? IMAGES : TABLE);
            out.writeInt(data.size());
            out.writeByte(shape.length);
            for (long s : shape) {
                out.writeInt((int) s);
            }
            List<String> names = data.classNames();
            out.writeInt(names.size());
            for (String name : names) {
                out.writeUTF(name);
            }
            for (int label : data.labels()) {
                out.writeInt(label);
            }
            int[] all = new int[data.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            float[] values = data.batch(all).data().asFloat();
            if (shape.length == 3) {
                byte[] pixels = new byte[values.length];
                for (int i = 0; i < values.length; i++) {
                    pixels[i] = (byte) Math.round((values[i] + 1) * 127.5f);
                }
                out.write(pixels);
            } else {
                ByteBuffer buffer = ByteBuffer.allocate(4 * values.length);
                buffer.asFloatBuffer().put(values);
                out.write(buffer.array());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static Dataset decode(byte[] stored) {
        try (DataInputStream in = new DataInputStream(
                new BufferedInputStream(new GZIPInputStream(new ByteArrayInputStream(stored), 1 << 16), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a stored dataset");
            }
            byte kind = in.readByte();
            int n = in.readInt();
            long[] shape = new long[in.readByte()];
            long perExample = 1;
            for (int i = 0; i < shape.length; i++) {
                shape[i] = in.readInt();
                perExample *= shape[i];
            }
            List<String> names = new ArrayList<>();
            for (int k = in.readInt(); k > 0; k--) {
                names.add(in.readUTF());
            }
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = in.readInt();
            }
            float[] values = new float[Math.toIntExact(n * perExample)];
            byte[] raw = new byte[(kind == IMAGES ? 1 : 4) * values.length];
            in.readFully(raw);
            if (kind == IMAGES) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = (raw[i] & 0xFF) / 127.5f - 1f;
                }
            } else {
                ByteBuffer.wrap(raw).asFloatBuffer().get(values);
            }
            INDArray rows = Nd4j.create(values, new long[] {n, perExample}, 'c');
            return kind == IMAGES
                    ? new ImageDataset(rows, labels, (int) shape[0], (int) shape[1], (int) shape[2], names)
                    : new TabularDataset(rows, labels, names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
