package dev.gansvc.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.engine.classify.ImageClassifier;
import dev.gansvc.engine.data.HeldOut;
import dev.gansvc.engine.data.ImageDataset;
import dev.gansvc.engine.data.QuadrantSquares;
import org.junit.jupiter.api.Test;

class ClassClassifiersTest {

    @Test
    void trainsOncePerDatasetAndSplit() {
        ImageDataset squares = QuadrantSquares.of(800, 8);
        HeldOut.Split split = HeldOut.split(squares.size());
        ClassClassifiers classifiers = new ClassClassifiers();

        ImageClassifier first = classifiers.classifierOf(squares, split.training(), split.heldOut());
        assertThat(first.heldOutAccuracy())
                .as("on %d held-out squares", first.heldOutExamples())
                .isGreaterThan(0.9);
        assertThat(classifiers.classifierOf(squares, split.training(), split.heldOut()))
                .isSameAs(first);
        assertThat(classifiers.classifierOf(squares, split.heldOut(), split.training()))
                .as("another split of the same data")
                .isNotSameAs(first);
        assertThat(classifiers.classifierOf(QuadrantSquares.of(800, 8), split.training(), split.heldOut()))
                .as("the same pictures uploaded again")
                .isNotSameAs(first);
    }
}
