package dev.gansvc.engine.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class LabelReadoutTest {

    /** Two packs of two examples, three classes: six outputs per pack. */
    private final LabelReadout packsOfTwo = new LabelReadout(new int[] {2, 0, 1, 1}, 3, 2);

    @Test
    void aPacksLogitIsTheSumOfItsMembersOutputsAtTheirLabels() {
        float[] outputs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        assertThat(packsOfTwo.logits(Nd4j.create(outputs, new long[] {2, 6}, 'c')))
                .containsExactly(3 + 4, 8 + 11);
    }

    @Test
    void theGradientReachesExactlyTheOutputsThatWereRead() {
        assertThat(packsOfTwo.outputGradient(new float[] {0.5f, -1}).data().asFloat())
                .containsExactly(0, 0, 0.5f, 0.5f, 0, 0, 0, -1, 0, 0, -1, 0);
    }

    @Test
    void twiceReadsASecondBatchWithTheSameLabels() {
        assertThat(packsOfTwo.twice().labels()).containsExactly(2, 0, 1, 1, 2, 0, 1, 1);
    }

    @Test
    void unconditionalReadsTheSingleOutput() {
        LabelReadout plain = LabelReadout.unconditional();
        assertThat(plain.logits(Nd4j.create(new float[] {0.25f, -2}, new long[] {2, 1}, 'c')))
                .containsExactly(0.25f, -2);
        assertThat(plain.outputGradient(new float[] {1, 3}).shape()).containsExactly(2, 1);
    }
}
