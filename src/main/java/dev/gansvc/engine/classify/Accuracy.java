package dev.gansvc.engine.classify;

/** The fraction of predictions that match the true labels. */
public final class Accuracy {

    private Accuracy() {}

    /**
     * {@code predicted[i]} is the prediction for example {@code indices[i]}, whose true label is
     * {@code labels[indices[i]]}; NaN when there are no examples.
     */
    public static double of(int[] predicted, int[] labels, int[] indices) {
        int correct = 0;
        for (int i = 0; i < indices.length; i++) {
            correct += predicted[i] == labels[indices[i]] ? 1 : 0;
        }
        return indices.length == 0 ? Double.NaN : (double) correct / indices.length;
    }
}
