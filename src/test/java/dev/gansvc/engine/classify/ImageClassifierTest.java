package dev.gansvc.engine.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.engine.data.HeldOut;
import dev.gansvc.engine.data.ImageDataset;
import dev.gansvc.engine.model.Runs;
import dev.gansvc.engine.nn.Tensors;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class ImageClassifierTest {

    @Test
    void learnsTheBundledDigitsAndIsUnsureOfNoise() {
        ImageDataset digits = Runs.mnist();
        HeldOut.Split split = HeldOut.split(digits.size());
        ImageClassifier classifier = ImageClassifier.trainOnBundledDigits();

        assertThat(classifier.heldOutExamples()).isEqualTo(1000);
        assertThat(classifier.heldOutAccuracy()).isGreaterThan(0.95);
        ImageClassifier.Predictions real = classifier.predict(digits.batch(split.heldOut()));
        INDArray noise = Tensors.gaussian(new SplittableRandom(2), 0, 1, 200, 1, 28, 28);
        ImageClassifier.Predictions random = classifier.predict(noise);
        assertThat(mean(real.confidence()))
                .as("confidence on real digits vs on noise %s", mean(random.confidence()))
                .isGreaterThan(mean(random.confidence()) + 0.1);
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
