package dev.gansvc.engine.family.cgan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.engine.data.CsvTables;
import dev.gansvc.engine.data.TabularDataset;
import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.model.Recipe;
import dev.gansvc.engine.model.Runs;
import dev.gansvc.engine.quality.ClassAgreement;
import dev.gansvc.engine.quality.QualityReport;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** "Make features that a classifier labels Iris setosa": a conditional GAN on DL4J's iris.dat. */
class IrisConditionalTest {

    @Test
    void samplesOfEachSpeciesAreClassifiedAsThatSpecies() throws Exception {
        TabularDataset iris;
        try (Reader in =
                new InputStreamReader(getClass().getResourceAsStream("/iris.dat"), StandardCharsets.US_ASCII)) {
            iris = CsvTables.read(in, "4", 150, 5, 600);
        }
        assertThat(iris.size()).isEqualTo(150);
        assertThat(iris.classCount()).isEqualTo(3);
        Recipe recipe = Recipe.defaults(ModelFamilies.all().require("cgan"), iris, "");
        assertThat(recipe.batchSize()).isEqualTo(135 / 4);
        assertThat(recipe.epochs()).isEqualTo(1000);

        Runs.Run run = Runs.train(
                ModelFamilies.all().require("cgan"),
                "",
                iris,
                recipe.epochs(),
                recipe.batchSize(),
                recipe.latentDim(),
                7);
        ClassAgreement agreement =
                QualityReport.measure(run.trainer(), "iris", 7).orElseThrow().classAgreement();
        assertThat(agreement.classifierAccuracy())
                .as("the classifier on held-out rows")
                .isGreaterThan(0.85);
        assertThat(agreement.perClass())
                .as("samples of each species classified as it")
                .allSatisfy(fraction -> assertThat(fraction).isGreaterThan(0.8));
    }
}
