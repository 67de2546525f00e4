package dev.gansvc.engine.model;

/**
 * What one training step recorded: one value per {@link LossSeries} of its model, in order;
 * NaN where a value was not measured at this step (validation loss between epochs).
 */
public record LossPoint(long iteration, int epoch, double[] values) {

    public double value(int series) {
        return values[series];
    }
}
