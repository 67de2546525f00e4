package dev.gansvc.engine.data;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Per-feature standardisation of rows of numbers: models train on (x - mean) / std and their
 * samples are mapped back, so a table in any units (iris in cm, a grid spanning -4 to 4) meets
 * networks in the range their initialisation and learning rates are made for.
 *
 * @param mean [features]
 * @param std  [features], each at least {@link #MIN_STD}
 */
public record FeatureScaling(INDArray mean, INDArray std) {

    /** Keeps constant columns from dividing by zero. */
    static final double MIN_STD = 1e-6;

    /** Fitted to the rows at {@code indices} of a table. */
    public static FeatureScaling fit(Dataset table, int[] indices) {
        INDArray rows = table.batch(indices);
        INDArray std = rows.std(false, 0);
        return new FeatureScaling(rows.mean(0), std.addi(MIN_STD));
    }

    public INDArray standardize(INDArray rows) {
        return rows.subRowVector(mean).diviRowVector(std);
    }

    public INDArray restore(INDArray rows) {
        return rows.mulRowVector(std).addiRowVector(mean);
    }

    /** A view of a table whose batches come standardised. */
    public Dataset applyTo(Dataset table) {
        FeatureScaling scaling = this;
        return new Dataset() {
            @Override
            public int size() {
                return table.size();
            }

            @Override
            public long[] exampleShape() {
                return table.exampleShape();
            }

            @Override
            public INDArray batch(int[] indices) {
                return scaling.standardize(table.batch(indices));
            }

            @Override
            public int[] labels() {
                return table.labels();
            }

            @Override
            public int classCount() {
                return table.classCount();
            }

            @Override
            public List<String> classNames() {
                return table.classNames();
            }
        };
    }
}
