package dev.gansvc.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.engine.adversarial.AdversarialObjective;
import dev.gansvc.engine.adversarial.GanLoss;
import dev.gansvc.engine.data.GaussianMixture;
import dev.gansvc.engine.data.TabularDataset;
import dev.gansvc.engine.family.ModelFamilies;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** R1 limited to the start of a run (r1Until) changes the discriminator then and only then. */
class R1ScheduleTest {

    private final TabularDataset ring = GaussianMixture.ring8().sample(2_200, 3);

    @Test
    void r1StopsAfterItsShareOfTheRun() {
        List<INDArray> firstHalf = discriminatorAfterEachEpoch(0.5);
        List<INDArray> throughout = discriminatorAfterEachEpoch(1);
        List<INDArray> never = discriminatorAfterEachEpoch(1, 0);

        assertThat(firstHalf.get(0)).as("the same first half").isEqualTo(throughout.get(0));
        assertThat(firstHalf.get(0)).as("R1 in the first half").isNotEqualTo(never.get(0));
        assertThat(firstHalf.get(1)).as("no R1 in the second half").isNotEqualTo(throughout.get(1));
    }

    private List<INDArray> discriminatorAfterEachEpoch(double r1Until) {
        return discriminatorAfterEachEpoch(r1Until, 1);
    }

    /** Two epochs of the GAN on the ring with R1 of this gamma over this share of the run. */
    private List<INDArray> discriminatorAfterEachEpoch(double r1Until, double gamma) {
        Recipe recipe = Recipe.defaults(ModelFamilies.all().require("gan"), ring, "");
        GenerativeModel model = GenerativeModel.create(
                ModelFamilies.all().require("gan"),
                ModelFamilies.all().require("gan").shape(4, ring.exampleShape(), 0),
                recipe.optimizer(),
                7);
        TrainingSettings settings =
                GanSettings.of(2, 64, 1, GanLoss.NON_SATURATING, 7, recipe.schedule(), gamma, r1Until);
        List<INDArray> snapshots = new ArrayList<>();
        new Trainer(model, ring, settings)
                .train(
                        new TrainingListener() {
                            @Override
                            public void onIteration(LossPoint point) {}

                            @Override
                            public void onEpochEnd(int epoch, GenerativeModel trained) {
                                snapshots.add(trained.network(AdversarialObjective.DISCRIMINATOR)
                                        .parameters()
                                        .dup());
                            }
                        },
                        () -> false);
        return snapshots;
    }
}
