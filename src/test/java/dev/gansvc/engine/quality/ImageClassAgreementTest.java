package dev.gansvc.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.engine.data.ImageDataset;
import dev.gansvc.engine.data.QuadrantSquares;
import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.model.Runs;
import org.junit.jupiter.api.Test;

/**
 * Class agreement of a conditional model of labelled images that are not digits (as a zip with
 * a folder per class would give): judged by a classifier trained on the job's own training
 * images. The class here is where a square sits, which the fully connected conditional GAN
 * learns in a hundred steps of a few milliseconds; the outlines of the shapes took a conditional
 * DCGAN more than the 420 steps tried.
 */
class ImageClassAgreementTest {

    @Test
    void aConditionalDcganMakesTheClassesItIsAskedFor() {
        ImageDataset squares = QuadrantSquares.of(2000, 8);
        Runs.Run run = Runs.train(ModelFamilies.all().require("cgan"), "", squares, 4, 64, 100, 4);
        QualityReport quality =
                QualityReport.measure(run.trainer(), "squares", 4).orElseThrow();

        ClassAgreement agreement = quality.classAgreement();
        assertThat(quality.digits()).isNull();
        assertThat(agreement.classifier()).isEqualTo("a convolutional classifier trained on the training images");
        assertThat(agreement.classifierAccuracy())
                .as("the classifier on the 200 held-out images")
                .isGreaterThan(0.95);
        assertThat(agreement.samplesPerClass()).isEqualTo(250);
        assertThat(agreement.perClass())
                .as("samples of each quadrant classified as it (chance: 0.25)")
                .allSatisfy(fraction -> assertThat(fraction).isGreaterThan(0.8));
        assertThat(quality.distances().features())
                .isEqualTo("classifier of the training images, penultimate layer (128)");
        assertThat(quality.distances().samples()).isEqualTo(200);
    }
}
