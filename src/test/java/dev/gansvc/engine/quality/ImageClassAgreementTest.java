package dev.gansvc.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.engine.data.ImageDataset;
import dev.gansvc.engine.model.Architecture;
import dev.gansvc.engine.model.Runs;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Class agreement of a conditional model of labelled images that are not digits (as a zip with
 * a folder per class would give): judged by a classifier trained on the job's own training
 * images. The class here is where a square sits, which the fully connected conditional GAN
 * learns in a hundred steps of a few milliseconds; the outlines of the shapes took a conditional
 * DCGAN more than the 420 steps tried.
 */
class ImageClassAgreementTest {

    private static final int SIDE = 16;
    private static final int SQUARE = 5;

    @Test
    void aConditionalDcganMakesTheClassesItIsAskedFor() {
        ImageDataset squares = squaresInQuadrants(2000, 8);
        Runs.Run run = Runs.train(Architecture.CGAN, "", squares, 4, 64, 100, 4);
        QualityReport quality = QualityReport.measure(run.trainer(), "squares", 4).orElseThrow();

        ClassAgreement agreement = quality.classAgreement();
        assertThat(quality.digits()).isNull();
        assertThat(agreement.classifier()).isEqualTo("a convolutional classifier trained on the training images");
        assertThat(agreement.classifierAccuracy()).as("the classifier on the 200 held-out images").isGreaterThan(0.95);
        assertThat(agreement.samplesPerClass()).isEqualTo(250);
        assertThat(agreement.perClass()).as("samples of each quadrant classified as it (chance: 0.25)").allSatisfy(
                fraction -> assertThat(fraction).isGreaterThan(0.8));
    }

    /** Grey pictures of a white square on black, its quadrant the class (0 top left, 1 top right, ...). */
    private static ImageDataset squaresInQuadrants(int n, long seed) {
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
        return new ImageDataset(Nd4j.create(pixels, new long[] {n, plane}, 'c'), labels, 1, SIDE, SIDE,
                List.of("top left", "top right", "bottom left", "bottom right"));
    }
}
