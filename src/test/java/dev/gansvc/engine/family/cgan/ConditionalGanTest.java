package dev.gansvc.engine.family.cgan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.engine.data.GaussianMixture;
import dev.gansvc.engine.data.TabularDataset;
import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.model.GeneratorModel;
import dev.gansvc.engine.model.ModelArtifact;
import dev.gansvc.engine.model.Runs;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ConditionalGanTest {

    @Test
    void generatesTheModeItIsAskedFor() {
        GaussianMixture mixture = GaussianMixture.ring8();
        TabularDataset ring = mixture.sample(11_000, 5);
        Runs.Run run = Runs.train(ModelFamilies.all().require("cgan"), "", ring, 5, 64, 8, 5);

        assertThat(run.model().shape().classCount()).isEqualTo(8);
        GeneratorModel generator = ModelArtifact.readGenerator(ModelArtifact.write(run.model()), ModelFamilies.all());
        for (int label = 0; label < 8; label++) {
            float[] xy =
                    generator.generate(200, label, OptionalInt.of(label)).data().asFloat();
            int hits = 0;
            for (int i = 0; i < 200; i++) {
                hits += nearestMode(mixture, xy[2 * i], xy[2 * i + 1]) == label ? 1 : 0;
            }
            assertThat(hits)
                    .as("samples of class %d nearest its mode (chance: 25)", label)
                    .isGreaterThan(120);
        }
    }

    private static int nearestMode(GaussianMixture mixture, double x, double y) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int m = 0; m < mixture.modes(); m++) {
            double dx = x - mixture.means()[m][0];
            double dy = y - mixture.means()[m][1];
            if (dx * dx + dy * dy < bestDistance) {
                bestDistance = dx * dx + dy * dy;
                best = m;
            }
        }
        return best;
    }
}
