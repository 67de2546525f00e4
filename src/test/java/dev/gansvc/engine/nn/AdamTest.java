package dev.gansvc.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.AdamUpdater;

/** The engine's Adam takes the steps ND4J's own Adam updater takes, state included. */
class AdamTest {

    @Test
    void matchesNd4jsAdamUpdaterOverSeveralStepsAndAfterARestore() {
        Network network = new Network(List.of(new Dense(7, 5), new Dense(5, 3)));
        network.initialize(new SplittableRandom(1));
        long n = network.parameterCount();
        assertThat(network.parameters().dataType()).isEqualTo(DataType.FLOAT);
        INDArray expected = network.parameters().dup();
        INDArray state = Tensors.zeros(1, 2 * n);
        AdamUpdater reference = new AdamUpdater(new org.nd4j.linalg.learning.config.Adam(2e-3, 0.5, 0.999, 1e-8));
        reference.setStateViewArray(state, new long[] {1, n}, 'c', true);
        Adam adam = new Adam(network, 1e-3, 0.5, 0.999);
        SplittableRandom random = new SplittableRandom(2);

        for (int step = 0; step < 6; step++) {
            if (step == 3) {
                Adam resumed = new Adam(network, 1e-3, 0.5, 0.999);
                resumed.restore(adam.moments().dup(), adam.steps());
                adam = resumed;
            }
            INDArray gradient = Tensors.gaussian(random, 0, step + 1, n);
            network.gradients().assign(gradient);
            adam.step(2);
            INDArray update = gradient.reshape(1, n).dup();
            reference.applyUpdater(update, step, 0);
            expected.subi(update.reshape(n));

            assertThat(maxRelativeError(network.parameters(), expected)).isLessThan(1e-5);
            assertThat(maxRelativeError(adam.moments(), state)).isLessThan(1e-5);
        }
        assertThat(adam.steps()).isEqualTo(6);
    }

    /** Relative to the values, or to 0.01 (the weights' scale) where they are smaller: float rounding, not a different rule. */
    private static double maxRelativeError(INDArray actual, INDArray expected) {
        float[] a = actual.dup().data().asFloat();
        float[] e = expected.dup().data().asFloat();
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - e[i]) / Math.max(1e-2, Math.abs(e[i])));
        }
        return worst;
    }
}
