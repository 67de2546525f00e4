package dev.gansvc.engine.family.wgangp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.engine.adversarial.LabelReadout;
import dev.gansvc.engine.data.Dataset;
import dev.gansvc.engine.data.GaussianMixture;
import dev.gansvc.engine.data.TabularDataset;
import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.engine.model.Runs;
import dev.gansvc.engine.nn.Network;
import dev.gansvc.engine.nn.Workspaces;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

class WassersteinObjectiveTest {

    /** Unconditioned, and with the critic read at 4 clusters of the examples, where the penalty is that cluster's gradient. */
    @ParameterizedTest
    @ValueSource(ints = {0, 4})
    void penaltyHoldsTheCriticsGradientNormNearOne(int clusters) {
        TabularDataset ring = GaussianMixture.ring8().sample(11_000, 5);
        Runs.Run run = Runs.train(ModelFamilies.all().require("wgan-gp"), "", ring, 10, 64, 8, 5, clusters);
        GenerativeModel model = run.model();

        int n = run.points().size();
        assertThat(n).isEqualTo(10 * (10_000 / 64 / 5));
        assertThat(run.mean(3, n - 20, n)).as("gradient penalty").isLessThan(0.2 * run.mean(3, 0, 20));
        assertThat(run.mean(2, n - 20, n)).as("Wasserstein estimate").isPositive();

        // Held-out rows, standardised as the critic sees them, each read at its own cluster.
        Dataset standardised = model.scaling().orElseThrow().applyTo(ring);
        int[] at = {10_500, 10_501, 10_502, 10_503, 10_504, 10_505, 10_506, 10_507};
        int[] cluster = clusters == 0
                ? new int[at.length]
                : pick(model.clusters().orElseThrow().labels(standardised), at);
        double norm = Workspaces.run("test", () -> {
            Network critic = model.network(WassersteinObjective.CRITIC);
            critic.forward(standardised.batch(at), true);
            float[] ones = new float[at.length];
            Arrays.fill(ones, 1);
            INDArray g = critic.inputGradient(new LabelReadout(cluster, clusters, 1).outputGradient(ones));
            return Transforms.sqrt(g.mul(g).sum(1), false).meanNumber().doubleValue();
        });
        assertThat(norm).as("|grad D| at real points").isBetween(0.6, 1.4);
    }

    private static int[] pick(int[] values, int[] at) {
        return Arrays.stream(at).map(i -> values[i]).toArray();
    }
}
