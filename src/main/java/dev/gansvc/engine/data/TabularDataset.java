package dev.gansvc.engine.data;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Rows of numeric features, [n, features], with optional class labels. */
public final class TabularDataset implements Dataset {

    private final INDArray features;
    private final int[] labels;
    private final int classCount;

    public TabularDataset(INDArray features, int[] labels, int classCount) {
        if (features.rank() != 2 || labels.length != features.size(0)) {
            throw new IllegalArgumentException("features must be [n, features] with one label per row");
        }
        this.features = features;
        this.labels = labels.clone();
        this.classCount = classCount;
    }

    /** Rows without labels (one class). */
    public static TabularDataset unlabeled(INDArray features) {
        return new TabularDataset(features, new int[(int) features.size(0)], 1);
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
        return classCount;
    }
}
