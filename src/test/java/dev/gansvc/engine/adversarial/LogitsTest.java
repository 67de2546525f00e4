package dev.gansvc.engine.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The discriminator's cross-entropy against a target, label smoothing included, by finite differences. */
class LogitsTest {

    @Test
    void gradientIsTheDerivativeOfTheLossForEveryTarget() {
        float[] logits = {-3f, -0.5f, 0f, 0.7f, 4f};
        for (double target : new double[] {0, 0.9, 1}) {
            float[] grad = new float[logits.length];
            Logits.discriminatorLoss(logits, target, grad);
            for (int i = 0; i < logits.length; i++) {
                float[] up = logits.clone();
                float[] down = logits.clone();
                up[i] += 1e-3f;
                down[i] -= 1e-3f;
                float[] ignored = new float[logits.length];
                double numeric = (Logits.discriminatorLoss(up, target, ignored)
                                - Logits.discriminatorLoss(down, target, ignored))
                        / 2e-3;
                assertThat(grad[i])
                        .as("target %s, logit %s", target, logits[i])
                        .isCloseTo((float) numeric, within(1e-4f));
            }
        }
    }

    @Test
    void aSmoothedTargetIsLeastLossAtItsOwnProbabilityNotAtCertainty() {
        float[] grad = new float[1];
        double logit09 = Math.log(0.9 / 0.1);
        double atTarget = Logits.discriminatorLoss(new float[] {(float) logit09}, 0.9, grad);
        assertThat(grad[0]).isCloseTo(0f, within(1e-6f));
        double atCertainty = Logits.discriminatorLoss(new float[] {8f}, 0.9, grad);
        assertThat(atCertainty).isGreaterThan(atTarget);
        assertThat(grad[0]).as("pushed back down from near 1").isGreaterThan(0f);
        // With target 1 the loss keeps falling as the logit grows.
        assertThat(Logits.discriminatorLoss(new float[] {8f}, 1, grad))
                .isLessThan(Logits.discriminatorLoss(new float[] {(float) logit09}, 1, grad));
    }
}
