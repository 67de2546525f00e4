package dev.gansvc.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class ImageArchiveTest {

    private static final UploadLimits LIMITS =
            new UploadLimits(100, 1000, 10_000_000, 10_000_000, 1000, 1_000_000, 10_000_000);

    @Test
    void foldersAreClassesAndImagesAreCroppedResizedAndScaled() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("red/a.png", image(40, 20, Color.RED, "png"));
        entries.put("blue/b.jpg", image(16, 16, Color.BLUE, "jpg"));
        entries.put("red/c.png", image(8, 8, Color.WHITE, "png"));
        entries.put("__MACOSX/red/._a.png", new byte[] {1, 2, 3});
        entries.put("red/.DS_Store", new byte[] {0});
        ImageDataset rgb = ImageArchive.read(zip(entries), 8, 3, LIMITS);

        assertThat(rgb.size()).isEqualTo(3);
        assertThat(rgb.exampleShape()).containsExactly(3, 8, 8);
        assertThat(rgb.classNames()).containsExactly("blue", "red");
        assertThat(rgb.labels()).containsExactly(1, 0, 1);
        INDArray red = rgb.batch(new int[] {0});
        assertThat(red.getDouble(0, 0, 4, 4)).isEqualTo(1.0); // R
        assertThat(red.getDouble(0, 1, 4, 4)).isEqualTo(-1.0); // G
        assertThat(rgb.batch(new int[] {1}).getDouble(0, 2, 4, 4)).isGreaterThan(0.9); // JPEG blue, nearly exact

        ImageDataset grey = ImageArchive.read(zip(Map.of("w.png", image(5, 5, Color.WHITE, "png"))), 4, 1, LIMITS);
        assertThat(grey.exampleShape()).containsExactly(1, 4, 4);
        assertThat(grey.classNames()).isEmpty();
        assertThat(grey.batch(new int[] {0}).minNumber().doubleValue()).isEqualTo(1.0);
    }

    @Test
    void refusesWhatItShouldNotTrust() throws IOException {
        assertThatThrownBy(() ->
                        ImageArchive.read(zip(Map.of("../evil.png", image(4, 4, Color.RED, "png"))), 4, 1, LIMITS))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("entry name '../evil.png' points outside the archive");
        assertThatThrownBy(() ->
                        ImageArchive.read(zip(Map.of("/etc/x.png", image(4, 4, Color.RED, "png"))), 4, 1, LIMITS))
                .hasMessageContaining("points outside the archive");
        assertThatThrownBy(() -> ImageArchive.read(zip(Map.of("notes.txt", new byte[] {1})), 4, 1, LIMITS))
                .hasMessage("entry 'notes.txt' is not a PNG or JPEG image");
        assertThatThrownBy(() -> ImageArchive.read(zip(Map.of("broken.png", new byte[] {1, 2, 3})), 4, 1, LIMITS))
                .hasMessageStartingWith("entry 'broken.png' is not a readable PNG or JPEG image");
        assertThatThrownBy(() ->
                        ImageArchive.read(zip(Map.of("big.png", image(1001, 1000, Color.RED, "png"))), 4, 1, LIMITS))
                .hasMessage("entry 'big.png' is 1001 x 1000 pixels; at most 1000000 pixels are allowed");
        // A megabyte of zeros deflates to about a kilobyte: a small bomb against a smaller limit.
        UploadLimits tight = new UploadLimits(100, 1000, 10_000_000, 100_000, 10_000, 1_000_000, 10_000_000);
        assertThatThrownBy(() -> ImageArchive.read(zip(Map.of("zeros.png", new byte[1 << 20])), 4, 1, tight))
                .hasMessage("the archive expands to more than 100000 bytes");
        Map<String, byte[]> mixed = new LinkedHashMap<>();
        mixed.put("a/x.png", image(4, 4, Color.RED, "png"));
        mixed.put("y.png", image(4, 4, Color.RED, "png"));
        assertThatThrownBy(() -> ImageArchive.read(zip(mixed), 4, 1, LIMITS))
                .hasMessageStartingWith("some images are in class folders");
        assertThatThrownBy(() -> ImageArchive.read(new ByteArrayInputStream("not a zip".getBytes()), 4, 1, LIMITS))
                .hasMessage("the archive holds no PNG or JPEG images");
    }

    @Test
    void decompressionBombsAreRefusedByEntrySizeRatioAndCount() throws IOException {
        byte[] zeros = zip(Map.of("zeros.png", new byte[8 << 20])).readAllBytes();
        assertThat(zeros.length).as("8 MiB of zeros packs small").isLessThan(20_000);
        UploadLimits smallEntries = new UploadLimits(100, 1000, 2_000_000, 100_000_000, 10_000, 1_000_000, 10_000_000);
        assertThatThrownBy(() -> ImageArchive.read(new ByteArrayInputStream(zeros), 4, 1, smallEntries))
                .isInstanceOfSatisfying(
                        LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo("maxEntryBytes"))
                .hasMessage("entry 'zeros.png' expands to more than 2000000 bytes");
        UploadLimits ratio = new UploadLimits(100, 1000, 100_000_000, 100_000_000, 100, 1_000_000, 10_000_000);
        assertThatThrownBy(() -> ImageArchive.read(new ByteArrayInputStream(zeros), 4, 1, ratio))
                .isInstanceOfSatisfying(
                        LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo("maxExpansionRatio"))
                .hasMessageStartingWith("the archive expands to more than 100 times its size (1");

        Map<String, byte[]> folders = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            folders.put("empty-" + i + "/", new byte[0]);
        }
        UploadLimits fewEntries = new UploadLimits(100, 4, 10_000_000, 10_000_000, 1000, 1_000_000, 10_000_000);
        assertThatThrownBy(() -> ImageArchive.read(zip(folders), 4, 1, fewEntries))
                .isInstanceOfSatisfying(
                        LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo("maxEntries"));
    }

    @Test
    void storedFormRestoresTheSameData() throws IOException {
        ImageDataset images = ImageArchive.read(zip(Map.of("c/a.png", image(6, 6, Color.ORANGE, "png"))), 6, 3, LIMITS);
        Dataset restored = DatasetCodec.decode(DatasetCodec.encode(images));
        assertThat(restored.exampleShape()).containsExactly(3, 6, 6);
        assertThat(restored.classNames()).containsExactly("c");
        assertThat(restored.batch(new int[] {0})).isEqualTo(images.batch(new int[] {0}));

        TabularDataset table = CsvTables.read(new java.io.StringReader("1.5,2,a\n3,4.25,b\n"), "2", 10, 1000, 100);
        Dataset back = DatasetCodec.decode(DatasetCodec.encode(table));
        assertThat(back.batch(new int[] {0, 1}).toFloatMatrix()).isEqualTo(new float[][] {{1.5f, 2f}, {3f, 4.25f}});
        assertThat(back.labels()).containsExactly(0, 1);
        assertThat(back.classNames()).containsExactly("a", "b");
    }

    static byte[] image(int w, int h, Color color, String format) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    static ByteArrayInputStream zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
