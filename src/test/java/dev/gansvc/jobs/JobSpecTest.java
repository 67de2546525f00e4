package dev.gansvc.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.engine.adversarial.AdversarialOptions;
import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.model.CodeDensity;
import dev.gansvc.engine.model.ExampleClusters;
import dev.gansvc.engine.model.LearningRateSchedule;
import dev.gansvc.engine.model.ModelFamily;
import dev.gansvc.engine.model.ModelShape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Specs stored by earlier releases read as what those jobs did; a spec reads back as itself. */
class JobSpecTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void firstReleaseSpecMeansWhatItsJobDid() {
        JobSpec spec = read("dcgan", """
                {"model":"dcgan","dataset":"mnist","epochs":5,"batchSize":64,"latentDim":100,"seed":42,
                 "discriminatorSteps":1,"learningRate":2.0E-4,"beta1":0.5,"loss":"minimax"}""");
        assertThat(spec.schedule().learningRate()).isEqualTo(LearningRateSchedule.CONSTANT);
        assertThat(spec.optimizer().beta2()).isEqualTo(0.999);
        assertThat(spec.optimizer().generatorAverage()).isZero();
        assertThat(spec.examplesPerJudgement()).isEqualTo(1);
        assertThat(spec.options().get(ExampleClusters.CLUSTERS))
                .as("stored before clusters existed: trained without them")
                .isZero();
        assertThat(spec.options().get(AdversarialOptions.LOSS)).isEqualTo("minimax");
        assertThat(spec.variant()).isNull();
    }

    @Test
    void flatSpecWithNullsKeepsOnlyTheFamilysOptions() {
        JobSpec spec = read("gan", """
                {"model":"gan","dataset":"ring8","epochs":80,"batchSize":128,"latentDim":16,"seed":3,
                 "discriminatorSteps":2,"learningRate":2.0E-4,"beta1":0.5,"loss":"non-saturating",
                 "learningRateSchedule":"linear-decay","generatorAverage":0.999,"beta2":null,"variant":null,
                 "noiseLevel":0.0,"margin":1.0,"pullAwayWeight":0.1,"gradientPenalty":10.0,"packing":null,
                 "r1Gamma":null,"r1Until":null}""");
        assertThat(spec.options().asMap())
                .containsOnlyKeys(
                        "loss",
                        "discriminatorSteps",
                        "discriminatorLearningRate",
                        "labelSmoothing",
                        "packing",
                        "r1Gamma",
                        "r1Until");
        assertThat(spec.options().get(AdversarialOptions.DISCRIMINATOR_STEPS)).isEqualTo(2);
        assertThat(spec.options().get(AdversarialOptions.DISCRIMINATOR_LEARNING_RATE))
                .as("one learning rate before two time scales existed")
                .isEqualTo(1.0);
        assertThat(spec.options().get(ModelShape.PACKING)).isEqualTo(1);
        assertThat(spec.options().get(AdversarialOptions.R1_GAMMA))
                .as("no R1 before it existed")
                .isZero();
        assertThat(spec.options().get(AdversarialOptions.R1_UNTIL)).isEqualTo(1.0);
        assertThat(spec.schedule().learningRate()).isEqualTo(LearningRateSchedule.LINEAR_DECAY);
        assertThat(spec.optimizer().beta2()).isEqualTo(0.999);
    }

    @Test
    void specReadsBackAsItself() {
        JobSpec spec = read("autoencoder", """
                {"model":"autoencoder","dataset":"mnist","epochs":10,"batchSize":128,"latentDim":32,"seed":-7,
                 "learningRate":1.0E-3,"beta1":0.9,"beta2":0.999,"learningRateSchedule":"constant",
                 "generatorAverage":0.0,"variant":"denoising","noiseLevel":0.5}""");
        assertThat(spec.variant()).isEqualTo("denoising");
        assertThat(spec.options().get(CodeDensity.COMPONENTS))
                .as("stored before the code density existed: decodes N(0, I) as it did")
                .isZero();
        String stored = JSON.writeValueAsString(spec);
        assertThat(read("autoencoder", stored)).isEqualTo(spec);
        assertThat(JSON.readValue(stored, Map.class))
                .containsEntry("noiseLevel", 0.5)
                .containsEntry("seed", -7);
    }

    private static JobSpec read(String model, String json) {
        Map<String, Object> values = JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
        ModelFamily family = ModelFamilies.all().require(model);
        return JobSpec.of(
                family,
                (String) values.get("dataset"),
                (String) values.get("variant"),
                ((Number) values.get("seed")).longValue(),
                values);
    }
}
