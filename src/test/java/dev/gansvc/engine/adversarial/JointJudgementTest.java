package dev.gansvc.engine.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gansvc.engine.model.ModelShape;
import dev.gansvc.engine.nets.Dcgan;
import dev.gansvc.engine.nets.Mlp;
import dev.gansvc.engine.nn.Network;
import dev.gansvc.engine.nn.Tensors;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

class JointJudgementTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("discriminators")
    void realAndFakeBatchesJudgedTogetherGiveTheGradientsOfTwoPasses(String kind, ModelShape shape) {
        Network d = Mlp.discriminator(shape);
        d.initialize(new SplittableRandom(1));
        assertThat(d.examplesIndependent()).isTrue();
        SplittableRandom random = new SplittableRandom(2);
        int packs = 16 / shape.packing();
        INDArray real = AdversarialObjective.pack(Tensors.gaussian(random, 0, 1, 16, 3), shape.packing());
        INDArray fake = AdversarialObjective.pack(Tensors.gaussian(random, 0.5, 2, 16, 3), shape.packing());
        int[] labels = random.ints(16, 0, Math.max(1, shape.classCount())).toArray();
        LabelReadout readout = new LabelReadout(labels, shape.classCount(), shape.packing());
        float[] grad = new float[packs];

        d.zeroGradients();
        AdversarialObjective.Judgement apart = AdversarialObjective.judgeApart(d, real, fake, readout, 0.9, grad);
        INDArray apartGradients = d.gradients().dup();
        d.zeroGradients();
        AdversarialObjective.Judgement together = AdversarialObjective.judgeTogether(d, real, fake, readout, 0.9, grad);

        assertThat(together.real()).containsExactly(apart.real(), within(1e-6f));
        assertThat(together.fake()).containsExactly(apart.fake(), within(1e-6f));
        assertThat(together.loss()).isCloseTo(apart.loss(), within(1e-6));
        assertThat(apartGradients.norm2Number().doubleValue())
                .as("a gradient to compare")
                .isGreaterThan(1e-3);
        assertThat(d.gradients().sub(apartGradients).norm2Number().doubleValue())
                .isLessThan(1e-5 * apartGradients.norm2Number().doubleValue());
    }

    static Stream<Arguments> discriminators() {
        return Stream.of(
                Arguments.of("unconditional", new ModelShape(4, new long[] {3}, 0)),
                Arguments.of("conditional, packs of 2", new ModelShape(4, new long[] {3}, 3, "", 2)));
    }

    @Test
    void batchNormMakesExamplesDependOnTheirBatch() {
        assertThat(Dcgan.discriminator(1, 1).examplesIndependent()).isFalse();
    }
}
