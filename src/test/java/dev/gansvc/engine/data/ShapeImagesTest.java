package dev.gansvc.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.engine.adversarial.AdversarialRecipes;
import dev.gansvc.engine.classify.ImageClassifier;
import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.model.ExampleClusters;
import dev.gansvc.engine.model.LearningRateSchedule;
import dev.gansvc.engine.model.Recipe;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

class ShapeImagesTest {

    private final ShapeImages shapes = ShapeImages.shapes64();

    @Test
    void colourPicturesInTheEnginesLayoutDrawnTheSameEachTime() {
        assertThat(shapes.size()).isEqualTo(6000);
        assertThat(shapes.exampleShape()).containsExactly(3, 64, 64);
        assertThat(shapes.classNames()).containsExactly("circle", "square", "triangle", "star");

        INDArray batch = shapes.batch(new int[] {7, 4242, 7});
        assertThat(batch.shape()).containsExactly(3, 3, 64, 64);
        assertThat(batch.minNumber().doubleValue()).isGreaterThanOrEqualTo(-1);
        assertThat(batch.maxNumber().doubleValue()).isLessThanOrEqualTo(1);
        INDArray first = picture(batch, 0);
        assertThat(picture(batch, 2)).as("the same index twice in a batch").isEqualTo(first);
        assertThat(picture(shapes.batch(new int[] {7}), 0)).as("drawn alone").isEqualTo(first);
        assertThat(picture(ShapeImages.shapes64().batch(new int[] {7}), 0))
                .as("by another instance")
                .isEqualTo(first);
        assertThat(picture(batch, 1)).isNotEqualTo(first);
        assertThat(first.maxNumber().doubleValue() - first.minNumber().doubleValue())
                .as("a bright shape on a darker background")
                .isGreaterThan(0.8);
        INDArray red = first.get(NDArrayIndex.point(0));
        INDArray green = first.get(NDArrayIndex.point(1));
        assertThat(red).as("colour, not grey").isNotEqualTo(green);
    }

    @Test
    void theColourModelsTakeThemWithTheDcgan64Recipe() {
        assertThat(ModelFamilies.all().require("dcgan64").unsupported(shapes.exampleShape(), 4, ""))
                .isEmpty();
        assertThat(ModelFamilies.all().require("cgan").unsupported(shapes.exampleShape(), 4, ""))
                .isEmpty();
        Recipe recipe = Recipe.defaults(ModelFamilies.all().require("dcgan64"), shapes, "");
        assertThat(recipe.epochs())
                .as("FD within 2.5x the floor after 25 decaying epochs")
                .isEqualTo(25);
        assertThat(recipe.schedule()).isEqualTo(LearningRateSchedule.LINEAR_DECAY);
        assertThat(recipe.batchSize()).isEqualTo(64);
        assertThat(recipe.options().get(ExampleClusters.CLUSTERS)).isEqualTo(50);
        Recipe conditional = Recipe.defaults(ModelFamilies.all().require("cgan"), shapes, "");
        assertThat(conditional)
                .as("the 64-pixel recipe: told the classes, it has no clusters")
                .isEqualTo(AdversarialRecipes.IMAGES_64);
        assertThat(conditional.epochs()).as("the shapes take 15 epochs to form").isEqualTo(15);
        assertThat(conditional.optimizer()).isEqualTo(recipe.optimizer());
    }

    @Test
    void classesTakeTurnsSoEverySplitIsBalanced() {
        int[] labels = shapes.labels();
        int[] heldOut = new int[shapes.classCount()];
        for (int i : HeldOut.split(shapes.size()).heldOut()) {
            heldOut[labels[i]]++;
        }
        assertThat(Arrays.stream(labels).filter(l -> l == 3).count()).isEqualTo(1500);
        assertThat(Arrays.stream(heldOut).boxed())
                .as("held-out pictures per shape, of 600")
                .allSatisfy(n -> assertThat(n).isBetween(120, 180));
    }

    @Test
    void aBrieflyTrainedClassifierTellsTheShapesApart() {
        // Drawn at 28x28 in grey, the size of a digit, so that it trains in seconds.
        ShapeImages small = new ShapeImages(3000, 28, 1, 11);
        assertThat(small.batch(new int[] {0}).shape()).containsExactly(1, 1, 28, 28);
        HeldOut.Split split = HeldOut.split(small.size());
        ImageClassifier classifier = ImageClassifier.train(small, split.training(), split.heldOut());

        assertThat(classifier.classes()).isEqualTo(4);
        assertThat(classifier.heldOutAccuracy())
                .as("on 300 held-out pictures (chance: 0.25)")
                .isGreaterThan(0.9);
    }

    private static INDArray picture(INDArray batch, int i) {
        return batch.get(NDArrayIndex.point(i), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all());
    }
}
