package dev.gansvc.engine.model;

/**
 * One value a model records per training step.
 *
 * @param name        its key in the loss API (JSON field, CSV column)
 * @param label       its name on the loss chart
 * @param probability whether it is a probability in [0, 1] (charted on its own axis)
 */
public record LossSeries(String name, String label, boolean probability) {

    public static LossSeries loss(String name, String label) {
        return new LossSeries(name, label, false);
    }

    public static LossSeries probability(String name, String label) {
        return new LossSeries(name, label, true);
    }
}
