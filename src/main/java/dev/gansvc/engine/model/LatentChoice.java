package dev.gansvc.engine.model;

import org.apache.commons.math3.special.Erf;

/**
 * One of several options chosen by a standard-normal latent point itself, so that the same point
 * always makes the same choice and seeded noise, snapshots and walks keep working: the first
 * coordinate's normal probability falls in one option's share of [0, 1], and, rescaled within
 * that share, is turned back into a standard-normal coordinate. Over N(0, I) the options come
 * with their weights and independently of the (new) coordinates.
 */
public final class LatentChoice {

    /** Keeps a probability away from 0 and 1, where the inverse normal is infinite. */
    public static final double EDGE = 1e-12;

    private LatentChoice() {}

    /**
     * The option a latent point chooses among options of these weights (summing to 1), its first
     * coordinate replaced in {@code point} by the rescaled one.
     */
    static int choose(double[] point, double[] weights) {
        double u = 0.5 * Erf.erfc(-point[0] / Math.sqrt(2));
        int option = 0;
        double below = 0;
        while (option < weights.length - 1 && u >= below + weights[option]) {
            below += weights[option];
            option++;
        }
        double within = Math.min(1 - EDGE, Math.max(EDGE, (u - below) / weights[option]));
        point[0] = Math.sqrt(2) * Erf.erfInv(2 * within - 1);
        return option;
    }
}
