package dev.gansvc.engine.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.gansvc.engine.nn.Activation;
import dev.gansvc.engine.nn.BatchNorm;
import dev.gansvc.engine.nn.Conv2d;
import dev.gansvc.engine.nn.Dense;
import dev.gansvc.engine.nn.Network;
import dev.gansvc.engine.nn.Reshape;
import dev.gansvc.engine.nn.Tensors;
import dev.gansvc.support.DoublePrecision;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * R1's value and parameter gradient against their definition, in double precision, for a
 * conditional discriminator whose logit is its output at each example's label.
 */
@ExtendWith(DoublePrecision.class)
class R1PenaltyTest {

    @Test
    void penaltyAndItsGradientMatchFiniteDifferences() {
        Network d = new Network(List.of(
                new Conv2d(2, 3, 4, 2, 1),
                Activation.leakyRelu(),
                Reshape.flatten(3 * 3 * 3),
                new Dense(27, 5),
                Activation.leakyRelu(),
                new Dense(5, 2)));
        SplittableRandom random = new SplittableRandom(5);
        d.initialize(random);
        d.parameters().assign(Tensors.gaussian(random, 0, 0.5, d.parameterCount()));
        INDArray real = Tensors.gaussian(random, 0, 1, 4, 2, 6, 6);
        LabelReadout readout = new LabelReadout(new int[] {0, 1, 1, 0}, 2, 1);
        double gamma = 3;

        d.zeroGradients();
        double penalty = R1Penalty.addGradient(d, real, readout, gamma);
        INDArray analytic = d.gradients().dup();
        assertThat(penalty).isCloseTo(r1(d, real, gamma), within(1e-12));

        double eps = 1e-5;
        for (long i = 0; i < d.parameterCount(); i++) {
            double original = d.parameters().getDouble(i);
            d.parameters().putScalar(i, original + eps);
            double plus = r1(d, real, gamma);
            d.parameters().putScalar(i, original - eps);
            double minus = r1(d, real, gamma);
            d.parameters().putScalar(i, original);
            double numeric = (plus - minus) / (2 * eps);
            assertThat(analytic.getDouble(i))
                    .as("parameter %d", i)
                    .isCloseTo(numeric, within(1e-6 + 1e-4 * Math.abs(numeric)));
        }
        assertThat(analytic.amaxNumber().doubleValue())
                .as("the penalty depends on the weights")
                .isGreaterThan(0.01);
    }

    @Test
    void refusesADiscriminatorThatNormalisesBatches() {
        Network d = new Network(List.of(new Dense(2, 4), new BatchNorm(4), Activation.leakyRelu(), new Dense(4, 1)));
        d.initialize(new SplittableRandom(1));
        assertThatThrownBy(() ->
                        R1Penalty.addGradient(d, Nd4j.ones(DataType.DOUBLE, 3, 2), LabelReadout.unconditional(), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no batch norm");
    }

    /** (gamma / 2) mean over examples of |dD(x, y)/dx|^2, straight from the definition. */
    private static double r1(Network d, INDArray real, double gamma) {
        int n = (int) real.size(0);
        d.forward(real, true);
        INDArray labelColumns = Nd4j.create(new double[][] {{1, 0}, {0, 1}, {0, 1}, {1, 0}});
        INDArray g = d.inputGradient(labelColumns);
        return gamma / 2 * g.mul(g).sumNumber().doubleValue() / n;
    }
}
