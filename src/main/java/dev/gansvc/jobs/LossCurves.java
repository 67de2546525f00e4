package dev.gansvc.jobs;

import dev.gansvc.engine.gan.LossPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Downsamples a loss curve with Largest-Triangle-Three-Buckets (Steinarsson 2013): it keeps
 * real recorded points (never averages) and prefers the ones that shape the curve, so spikes
 * and collapses stay visible. The triangle area sums over all four series, each scaled to
 * its own range.
 */
final class LossCurves {

    private LossCurves() {
    }

    /** @param maxPoints at least 3: the first, the last and one per bucket between */
    static List<LossPoint> downsample(List<LossPoint> points, int maxPoints) {
        int n = points.size();
        if (maxPoints >= n) {
            return points;
        }
        double[][] series = normalizedSeries(points);
        List<LossPoint> result = new ArrayList<>(maxPoints);
        result.add(points.get(0));
        double bucketSize = (double) (n - 2) / (maxPoints - 2);
        int chosen = 0;
        for (int b = 0; b < maxPoints - 2; b++) {
            int start = (int) Math.floor(b * bucketSize) + 1;
            int end = (int) Math.floor((b + 1) * bucketSize) + 1;
            int nextStart = end;
            int nextEnd = Math.min(n, (int) Math.floor((b + 2) * bucketSize) + 1);
            double avgX = 0;
            double[] avgY = new double[series.length];
            for (int i = nextStart; i < nextEnd; i++) {
                avgX += points.get(i).iteration();
                for (int s = 0; s < series.length; s++) {
                    avgY[s] += series[s][i];
                }
            }
            int count = Math.max(1, nextEnd - nextStart);
            avgX /= count;
            for (int s = 0; s < series.length; s++) {
                avgY[s] /= count;
            }
            double ax = points.get(chosen).iteration();
            int best = start;
            double bestArea = -1;
            for (int i = start; i < end; i++) {
                double x = points.get(i).iteration();
                double area = 0;
                for (int s = 0; s < series.length; s++) {
                    double ay = series[s][chosen];
                    area += Math.abs((ax - avgX) * (series[s][i] - ay) - (ax - x) * (avgY[s] - ay));
                }
                if (area > bestArea) {
                    bestArea = area;
                    best = i;
                }
            }
            result.add(points.get(best));
            chosen = best;
        }
        result.add(points.get(n - 1));
        return result;
    }

    private static double[][] normalizedSeries(List<LossPoint> points) {
        double[][] s = new double[4][points.size()];
        for (int i = 0; i < points.size(); i++) {
            LossPoint p = points.get(i);
            s[0][i] = p.dLoss();
            s[1][i] = p.gLoss();
            s[2][i] = p.dReal();
            s[3][i] = p.dFake();
        }
        for (double[] values : s) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            double range = max > min ? max - min : 1;
            for (int i = 0; i < values.length; i++) {
                values[i] = (values[i] - min) / range;
            }
        }
        return s;
    }
}
