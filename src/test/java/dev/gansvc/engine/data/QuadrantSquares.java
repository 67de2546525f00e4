package dev.gansvc.engine.data;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.factory.Nd4j;

/** Labelled images a classifier or a conditional model learns in seconds: the class is where a square sits. */
public final class QuadrantSquares {

    private static final int SIDE = 16;
    private static final int SQUARE = 5;

    private QuadrantSquares() {}

    /** {@code n} grey 16x16 pictures of a white square on black, its quadrant the class (0 top left, 1 top right, ...). */
    public static ImageDataset of(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int plane = SIDE * SIDE;
        float[] pixels = new float[n * plane];
        Arrays.fill(pixels, -1f);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 4;
            int x0 = labels[i] % 2 * SIDE / 2 + random.nextInt(SIDE / 2 - SQUARE + 1);
            int y0 = labels[i] / 2 * SIDE / 2 + random.nextInt(SIDE / 2 - SQUARE + 1);
            for (int y = y0; y < y0 + SQUARE; y++) {
                Arrays.fill(pixels, i * plane + y * SIDE + x0, i * plane + y * SIDE + x0 + SQUARE, 1f);
            }
        }
        return new ImageDataset(
                Nd4j.create(pixels, new long[] {n, plane}, 'c'),
                labels,
                1,
                SIDE,
                SIDE,
                List.of("top left", "top right", "bottom left", "bottom right"));
    }
}
