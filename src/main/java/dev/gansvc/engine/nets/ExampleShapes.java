package dev.gansvc.engine.nets;

import java.util.Arrays;
import java.util.Optional;

/** The example shapes that fixed-size networks take. */
public final class ExampleShapes {

    private ExampleShapes() {}

    /** Why examples of {@code exampleShape} are not {@code channels} x {@code size} x {@code size} images, if they are not. */
    public static Optional<String> requireImages(long[] exampleShape, int channels, int size) {
        long[] needed = {channels, size, size};
        return Arrays.equals(exampleShape, needed)
                ? Optional.empty()
                : Optional.of("needs examples of shape " + Arrays.toString(needed) + " (channels, height, width)");
    }
}
