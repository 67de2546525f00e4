package dev.gansvc.engine.model;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * k-means in plain Java doubles, so that the same points give the same centres on every backend
 * and machine: k-means++ starts (Arthur and Vassilvitskii 2007) and Lloyd's iterations.
 */
final class KMeans {

    private KMeans() {}

    /** k-means++ centres: each next one drawn in proportion to its squared distance from the nearest so far. */
    static double[][] plusPlus(double[][] x, int k, SplittableRandom random) {
        double[][] centres = new double[k][];
        centres[0] = x[random.nextInt(x.length)];
        double[] nearest = new double[x.length];
        Arrays.fill(nearest, Double.MAX_VALUE);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < x.length; i++) {
                nearest[i] = Math.min(nearest[i], squaredDistance(x[i], centres[c - 1]));
                total += nearest[i];
            }
            double u = random.nextDouble() * total;
            int pick = 0;
            while (pick < x.length - 1 && (u -= nearest[pick]) > 0) {
                pick++;
            }
            centres[c] = x[pick];
        }
        return centres;
    }

    /**
     * Lloyd's iterations from {@code centres} until no point changes its centre or {@code
     * maxIterations} have run; a centre left without points keeps its place.
     */
    static double[][] lloyd(double[][] x, double[][] centres, int maxIterations) {
        int k = centres.length;
        int d = x[0].length;
        double[][] current = centres;
        int[] assigned = new int[x.length];
        Arrays.fill(assigned, -1);
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            boolean changed = false;
            for (int i = 0; i < x.length; i++) {
                int c = nearest(x[i], current);
                changed |= c != assigned[i];
                assigned[i] = c;
            }
            if (!changed) {
                break;
            }
            double[][] sums = new double[k][d];
            int[] counts = new int[k];
            for (int i = 0; i < x.length; i++) {
                counts[assigned[i]]++;
                for (int a = 0; a < d; a++) {
                    sums[assigned[i]][a] += x[i][a];
                }
            }
            for (int c = 0; c < k; c++) {
                if (counts[c] == 0) {
                    sums[c] = current[c].clone();
                } else {
                    for (int a = 0; a < d; a++) {
                        sums[c][a] /= counts[c];
                    }
                }
            }
            current = sums;
        }
        return current;
    }

    /** The index of the centre nearest to {@code x} (the first of equals). */
    static int nearest(double[] x, double[][] centres) {
        int best = 0;
        double bestDistance = squaredDistance(x, centres[0]);
        for (int c = 1; c < centres.length; c++) {
            double distance = squaredDistance(x, centres[c]);
            if (distance < bestDistance) {
                best = c;
                bestDistance = distance;
            }
        }
        return best;
    }

    static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return s;
    }
}
