package dev.gansvc.engine.family.wgangp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.engine.data.GaussianMixture;
import dev.gansvc.engine.data.TabularDataset;
import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.model.GeneratorModel;
import dev.gansvc.engine.model.Runs;
import dev.gansvc.engine.nn.Network;
import dev.gansvc.engine.nn.Workspaces;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

class WassersteinObjectiveTest {

    @Test
    void penaltyHoldsTheCriticsGradientNormNearOne() {
        TabularDataset ring = GaussianMixture.ring8().sample(11_000, 5);
        Runs.Run run = Runs.train(ModelFamilies.all().require("wgan-gp"), "", ring, 10, 64, 8, 5);

        int n = run.points().size();
        assertThat(n).isEqualTo(10 * (10_000 / 64 / 5));
        assertThat(run.mean(3, n - 20, n)).as("gradient penalty").isLessThan(0.2 * run.mean(3, 0, 20));
        assertThat(run.mean(2, n - 20, n)).as("Wasserstein estimate").isPositive();

        INDArray real = ring.batch(new int[] {10_500, 10_501, 10_502, 10_503, 10_504, 10_505, 10_506, 10_507});
        INDArray fake = GeneratorModel.of(run.model()).generate(8, 3);
        double norm = Workspaces.run("test", () -> {
            Network critic = run.model().network(WassersteinObjective.CRITIC);
            critic.forward(real.add(fake).muli(0.5), true);
            INDArray g = critic.inputGradient(Nd4j.ones(8, 1));
            return Transforms.sqrt(g.mul(g).sum(1), false).meanNumber().doubleValue();
        });
        assertThat(norm).as("|grad D| between real and fake points").isBetween(0.6, 1.4);
    }
}
