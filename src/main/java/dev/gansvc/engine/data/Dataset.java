package dev.gansvc.engine.data;

import java.util.List;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Examples a model trains on: images or rows of numeric features, with optional class labels. */
public interface Dataset {

    int size();

    /** The shape of one example: [channels, height, width] for images, [features] for tables. */
    long[] exampleShape();

    /** The examples at {@code indices}, shaped [n, exampleShape...]. */
    INDArray batch(int[] indices);

    /** One class index per example (all 0 when the data has no labels). */
    int[] labels();

    /** How many distinct classes the labels name (1 when the data has no labels). */
    int classCount();

    /** The name of each class a label indexes; empty when the data has no labels. */
    default List<String> classNames() {
        return classCount() < 2
                ? List.of()
                : IntStream.range(0, classCount()).mapToObj(Integer::toString).toList();
    }
}
