package dev.gansvc.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The 10,000 MNIST digits that ship in the jar (datasets/mnist; the licence lies beside them). */
public final class BundledDigits {

    private static final String IMAGES = "/datasets/mnist/images-idx3-ubyte.gz";
    private static final String LABELS = "/datasets/mnist/labels-idx1-ubyte.gz";

    private BundledDigits() {}

    public static ImageDataset load() {
        try (InputStream images = BundledDigits.class.getResourceAsStream(IMAGES);
                InputStream labels = BundledDigits.class.getResourceAsStream(LABELS)) {
            if (images == null || labels == null) {
                throw new IllegalStateException("the bundled digits are missing from the classpath");
            }
            return IdxFiles.read(images, labels);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled digits", e);
        }
    }
}
