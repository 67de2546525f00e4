package dev.gansvc.engine.data;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Images as rows of pixels scaled to [-1, 1], with optional class labels. */
public final class ImageDataset implements Dataset {

    private final INDArray pixels;
    private final int[] labels;
    private final int channels;
    private final int height;
    private final int width;
    private final List<String> classNames;

    /** Images whose labels are class indices named by number. */
    public ImageDataset(INDArray pixels, int[] labels, int channels, int height, int width) {
        this(pixels, labels, channels, height, width, null);
    }

    /** @param classNames the name of each class a label indexes (null: named by number) */
    public ImageDataset(INDArray pixels, int[] labels, int channels, int height, int width, List<String> classNames) {
        if (pixels.rank() != 2 || pixels.size(1) != (long) channels * height * width) {
            throw new IllegalArgumentException("pixels must be [n, " + channels * height * width + "]");
        }
        this.pixels = pixels;
        this.labels = labels;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.classNames = classNames == null ? null : List.copyOf(classNames);
    }

    @Override
    public int size() {
        return (int) pixels.size(0);
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    @Override
    public long[] exampleShape() {
        return new long[] {channels, height, width};
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public int classCount() {
        return classNames != null
                ? Math.max(1, classNames.size())
                : Arrays.stream(labels).max().orElse(0) + 1;
    }

    @Override
    public List<String> classNames() {
        return classNames != null ? classNames : Dataset.super.classNames();
    }

    /** The first {@code n} images. */
    public ImageDataset head(int n) {
        INDArray rows =
                pixels.get(NDArrayIndex.interval(0, n), NDArrayIndex.all()).dup('c');
        return new ImageDataset(rows, Arrays.copyOf(labels, n), channels, height, width, classNames);
    }

    @Override
    public INDArray batch(int[] indices) {
        return Nd4j.pullRows(pixels, 1, indices).reshape('c', indices.length, channels, height, width);
    }
}
