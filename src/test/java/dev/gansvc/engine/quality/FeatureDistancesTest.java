package dev.gansvc.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gansvc.engine.classify.ImageClassifier;
import dev.gansvc.engine.data.GaussianMixture;
import dev.gansvc.engine.data.HeldOut;
import dev.gansvc.engine.data.ImageDataset;
import dev.gansvc.engine.data.TabularDataset;
import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.model.Runs;
import dev.gansvc.engine.nn.Tensors;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The distances on real data: digits on the digit classifier's features, where held-out digits
 * against training digits (the real floor) must be close and noise far; and rows of a trained
 * model, as a job's quality report records them.
 */
class FeatureDistancesTest {

    @Test
    void heldOutDigitsAreCloseToTrainingDigitsOnTheClassifiersFeaturesAndNoiseIsFar() throws Exception {
        ImageDataset digits = Runs.mnist();
        HeldOut.Split split = HeldOut.split(digits.size());
        ImageClassifier classifier = ImageClassifier.trainOnBundledDigits();
        long t0 = System.nanoTime();
        INDArray heldOut = classifier.features(digits.batch(split.heldOut()));
        System.out.printf("features of 1000 digits: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        INDArray training = classifier.features(digits.batch(Arrays.copyOf(split.training(), 1000)));
        SplittableRandom random = new SplittableRandom(9);
        float[] pixels = new float[1000 * 28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextDouble(-1, 1);
        }
        INDArray noise = classifier.features(Tensors.of(pixels, 1000, 1, 28, 28));
        assertThat(heldOut.shape()).containsExactly(1000, ImageClassifier.FEATURES);
        assertThat(heldOut.minNumber().doubleValue()).as("after a ReLU").isGreaterThanOrEqualTo(0);

        FeatureDistances.Distances real = timed(heldOut, training);
        FeatureDistances.Distances fake = FeatureDistances.Distances.between(heldOut, noise);
        System.out.printf("digits: real floor %s, uniform noise %s%n", real, fake);
        assertThat(real.precision()).isGreaterThan(0.8);
        assertThat(real.recall()).isGreaterThan(0.8);
        assertThat(fake.frechetDistance()).isGreaterThan(20 * real.frechetDistance());
        assertThat(fake.kernelDistance()).isGreaterThan(20 * Math.abs(real.kernelDistance()));
        assertThat(fake.precision()).isLessThan(0.05);
    }

    @Test
    void aModelOfRowsIsMeasuredOnRawValuesBesideTheRealFloor() throws Exception {
        TabularDataset ring = GaussianMixture.ring8().sample(11_000, 5);
        Runs.Run run = Runs.train(ModelFamilies.all().require("gmmn"), "", ring, 3, 256, 8, 5);
        QualityReport report = QualityReport.measure(run.trainer(), "ring8", 1).orElseThrow();

        FeatureDistances distances = report.distances();
        assertThat(distances.features()).isEqualTo("raw values (2)");
        assertThat(distances.samples()).isEqualTo(1000);
        assertThat(distances.reference()).isEqualTo(1000);
        assertThat(distances.k()).isEqualTo(3);
        assertThat(distances.kernelSubsets()).isEqualTo(50);
        assertThat(distances.kernelSubsetSize()).isEqualTo(500);
        FeatureDistances.Distances floor = distances.realFloor();
        assertThat(floor.frechetDistance()).isLessThan(0.01);
        assertThat(floor.precision()).isGreaterThan(0.9);
        assertThat(floor.recall()).isGreaterThan(0.9);
        assertThat(distances.generated().frechetDistance()).isGreaterThan(floor.frechetDistance());

        JsonNode json = new ObjectMapper().valueToTree(report).get("distances");
        assertThat(json.get("generated").get("frechetDistance").isNumber()).isTrue();
        assertThat(json.get("realFloor").get("kernelDistanceStd").isNumber()).isTrue();
        assertThat(new ObjectMapper()
                        .treeToValue(new ObjectMapper().valueToTree(report), QualityReport.class)
                        .distances())
                .isEqualTo(distances);
    }

    /** The distances of two sets of 1000 vectors of 128, each metric timed. */
    private static FeatureDistances.Distances timed(INDArray reference, INDArray compared) {
        long t0 = System.nanoTime();
        double frechet = FrechetDistance.between(reference, compared);
        long t1 = System.nanoTime();
        KernelDistance kernel = KernelDistance.between(reference, compared);
        long t2 = System.nanoTime();
        ManifoldPrecisionRecall manifold = ManifoldPrecisionRecall.of(reference, compared, ManifoldPrecisionRecall.K);
        long t3 = System.nanoTime();
        FeatureDistances.Distances all = FeatureDistances.Distances.between(reference, compared);
        long t4 = System.nanoTime();
        System.out.printf(
                "1000 vs 1000, d = 128: Fréchet %.0f ms, kernel %.0f ms, precision/recall %.0f ms, all %.0f ms%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6);
        assertThat(all)
                .isEqualTo(new FeatureDistances.Distances(
                        frechet, kernel.mean(), kernel.std(), manifold.precision(), manifold.recall()));
        return all;
    }
}
