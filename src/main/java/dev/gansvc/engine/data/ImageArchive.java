package dev.gansvc.engine.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads a zip of PNG and JPEG images into an {@link ImageDataset}: each image centre-cropped
 * to a square and resized to {@code size} x {@code size}, grey or RGB, pixels scaled to
 * [-1, 1]. Images in sub-folders take the folder's name as their class ("cats/1.png"); images
 * at the top level have none. Entries are checked before they are trusted: names that would
 * leave the archive, total expansion beyond the limit, images with too many pixels and files
 * that are not images are errors naming the entry.
 */
public final class ImageArchive {

    private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg");

    private ImageArchive() {}

    public static ImageDataset read(InputStream zip, int size, int channels, UploadLimits limits) {
        if (channels != 1 && channels != 3) {
            throw new InvalidDataException("channels must be 1 (grey) or 3 (RGB), was " + channels);
        }
        List<float[]> images = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        UnpackedEntries unpacked = new UnpackedEntries(limits);
        CountingInputStream packed = new CountingInputStream(zip);
        try (ZipInputStream in = new ZipInputStream(packed)) {
            int entries = 0;
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (++entries > limits.maxEntries()) {
                    throw new LimitExceededException(
                            "maxEntries", limits.maxEntries(), "more than " + limits.maxEntries() + " entries");
                }
                String name = entry.getName();
                checkName(name);
                if (entry.isDirectory() || ignored(name)) {
                    continue;
                }
                String lower = name.toLowerCase(Locale.ROOT);
                if (EXTENSIONS.stream().noneMatch(lower::endsWith)) {
                    throw new InvalidDataException("entry '" + name + "' is not a PNG or JPEG image");
                }
                if (images.size() == limits.maxExamples()) {
                    throw new LimitExceededException(
                            "maxExamples", limits.maxExamples(), "more than " + limits.maxExamples() + " images");
                }
                if ((images.size() + 1L) * channels * size * size > limits.maxValues()) {
                    throw new LimitExceededException(
                            "maxValues",
                            limits.maxValues(),
                            "more than %d images of %d x %d x %d values (at most %d values in all)"
                                    .formatted(images.size(), channels, size, size, limits.maxValues()));
                }
                byte[] bytes = unpacked.entry(name, in, packed);
                images.add(pixels(decode(name, bytes, limits.maxImagePixels()), size, channels));
                int slash = name.indexOf('/');
                folders.add(slash < 0 ? "" : name.substring(0, slash));
            }
        } catch (ZipException e) {
            throw new InvalidDataException("not a readable zip archive: " + e.getMessage());
        } catch (IOException e) {
            throw new InvalidDataException("cannot read the archive: " + e.getMessage());
        }
        if (images.isEmpty()) {
            throw new InvalidDataException("the archive holds no PNG or JPEG images");
        }
        return dataset(images, folders, size, channels);
    }

    private static ImageDataset dataset(List<float[]> images, List<String> folders, int size, int channels) {
        boolean labelled = folders.stream().anyMatch(f -> !f.isEmpty());
        if (labelled && folders.stream().anyMatch(String::isEmpty)) {
            throw new InvalidDataException("some images are in class folders and some at the top level; "
                    + "put every image in its class's folder, or none");
        }
        TreeMap<String, Integer> classes = new TreeMap<>();
        folders.forEach(f -> classes.putIfAbsent(f, 0));
        List<String> names = new ArrayList<>(classes.keySet());
        for (int i = 0; i < names.size(); i++) {
            classes.put(names.get(i), i);
        }
        int perImage = channels * size * size;
        float[] all = new float[images.size() * perImage];
        int[] labels = new int[images.size()];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i), 0, all, i * perImage, perImage);
            labels[i] = classes.get(folders.get(i));
        }
        return new ImageDataset(
                Nd4j.create(all, new long[] {images.size(), perImage}, 'c'),
                labels,
                channels,
                size,
                size,
                labelled ? names : List.of());
    }

    private static void checkName(String name) {
        if (name.startsWith("/")
                || name.contains("\\")
                || name.matches("^[A-Za-z]:.*")
                || List.of(name.split("/")).contains("..")) {
            throw new InvalidDataException("entry name '" + name + "' points outside the archive");
        }
    }

    /** Folders and files that archivers add: macOS resource forks, Finder and Windows metadata. */
    private static boolean ignored(String name) {
        String file = name.substring(name.lastIndexOf('/') + 1);
        return name.startsWith("__MACOSX/") || file.startsWith(".") || file.equalsIgnoreCase("Thumbs.db");
    }

    /** Decodes an image after checking its dimensions, which a few bytes can make enormous. */
    private static BufferedImage decode(String name, byte[] bytes, long maxPixels) {
        try (ImageInputStream stream = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                throw new InvalidDataException("entry '" + name + "' is not a readable PNG or JPEG image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxPixels) {
                    throw new LimitExceededException(
                            "maxImagePixels",
                            maxPixels,
                            "entry '%s' is %d x %d pixels; at most %d pixels are allowed"
                                    .formatted(name, reader.getWidth(0), reader.getHeight(0), maxPixels));
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidDataException invalid) {
                throw invalid;
            }
            throw new InvalidDataException(
                    "entry '" + name + "' is not a readable PNG or JPEG image: " + e.getMessage());
        }
    }

    /** Centre crop to a square, resize, and scale each channel to [-1, 1], channel-major. */
    private static float[] pixels(BufferedImage image, int size, int channels) {
        int side = Math.min(image.getWidth(), image.getHeight());
        int x0 = (image.getWidth() - side) / 2;
        int y0 = (image.getHeight() - side) / 2;
        BufferedImage resized = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = resized.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, size, size, x0, y0, x0 + side, y0 + side, null);
        g.dispose();
        return ImagePixels.scaled(resized, channels);
    }
}
