package dev.gansvc.engine.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gansvc.engine.model.ModelShape;
import dev.gansvc.engine.nets.Mlp;
import dev.gansvc.engine.nn.Network;
import dev.gansvc.engine.nn.Tensors;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class JointJudgementTest {

    @Test
    void realAndFakeBatchesJudgedTogetherGiveTheGradientsOfTwoPasses() {
        Network d = Mlp.discriminator(new ModelShape(4, new long[] {3}, 0));
        d.initialize(new SplittableRandom(1));
        assertThat(d.examplesIndependent()).isTrue();
        SplittableRandom random = new SplittableRandom(2);
        INDArray real = Tensors.gaussian(random, 0, 1, 16, 3);
        INDArray fake = Tensors.gaussian(random, 0.5, 2, 16, 3);
        float[] grad = new float[16];

        d.zeroGradients();
        AdversarialObjective.Judgement apart = AdversarialObjective.judgeApart(d, real, fake, grad);
        INDArray apartGradients = d.gradients().dup();
        d.zeroGradients();
        AdversarialObjective.Judgement together = AdversarialObjective.judgeTogether(d, real, fake, grad);

        assertThat(together.real()).containsExactly(apart.real(), within(1e-6f));
        assertThat(together.fake()).containsExactly(apart.fake(), within(1e-6f));
        assertThat(together.loss()).isCloseTo(apart.loss(), within(1e-6));
        assertThat(apartGradients.norm2Number().doubleValue()).as("a gradient to compare").isGreaterThan(1e-3);
        assertThat(d.gradients().sub(apartGradients).norm2Number().doubleValue())
                .isLessThan(1e-5 * apartGradients.norm2Number().doubleValue());
    }

    @Test
    void batchNormMakesExamplesDependOnTheirBatch() {
        assertThat(Dcgan.discriminator(1).examplesIndependent()).isFalse();
    }
}
