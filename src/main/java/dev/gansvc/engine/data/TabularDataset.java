package dev.gansvc.engine.data;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Rows of numeric features, [n, features], with optional class labels. */
public final class TabularDataset implements Dataset {

    private final INDArray features;
    private final int[] labels;
    private final List<String> classNames;

    /** @param classNames the name of each class a label indexes */
    public TabularDataset(INDArray features, int[] labels, List<String> classNames) {
        if (features.rank() != 2 || labels.length != features.size(0)) {
            throw new IllegalArgumentException("features must be [n, features] with one label per row");
        }
        this.features = features;
        this.labels = labels.clone();
        this.classNames = List.copyOf(classNames);
    }

    /** Rows without labels (one class). */
    public static TabularDataset unlabeled(INDArray features) {
        return new TabularDataset(features, new int[(int) features.size(0)], List.of());
    }

    /** The same rows with other names for their classes. */
    public TabularDataset withClassNames(List<String> names) {
        if (names.size() != classNames.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + classNames.size() + " classes");
        }
        return new TabularDataset(features, labels, names);
    }

    @Override
    public int size() {
        return (int) features.size(0);
    }

    @Override
    public long[] exampleShape() {
        return new long[] {features.size(1)};
    }

    @Override
    public INDArray batch(int[] indices) {
        return Nd4j.pullRows(features, 1, indices);
    }

    @Override
    public int[] labels() {
        return Arrays.copyOf(labels, labels.length);
    }

    @Override
    public int classCount() {
        return Math.max(1, classNames.size());
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }
}
