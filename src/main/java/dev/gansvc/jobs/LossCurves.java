package dev.gansvc.jobs;

import dev.gansvc.engine.model.LossPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Downsamples a loss curve with Largest-Triangle-Three-Buckets (Steinarsson 2013): it keeps
 * real recorded points (never averages) and prefers the ones that shape the curve, so spikes
 * and collapses stay visible. The triangle area sums over all series, each scaled to
 * its own range.
 */
final class LossCurves {

    private LossCurves() {}

    /** @param maxPoints at least 3: the first, the last and one per bucket between */
    static List<LossPoint> downsample(List<LossPoint> points, int maxPoints) {
        List<LossPoint> withEveryValue =
                points.stream().filter(LossCurves::complete).toList();
        if (withEveryValue.size() == points.size() || withEveryValue.size() >= maxPoints) {
            return lttb(points, maxPoints);
        }
        // Points that carry a value recorded only now and then (validation loss) are all kept.
        TreeMap<Long, LossPoint> merged = new TreeMap<>();
        lttb(points, maxPoints - withEveryValue.size()).forEach(p -> merged.put(p.iteration(), p));
        withEveryValue.forEach(p -> merged.put(p.iteration(), p));
        return new ArrayList<>(merged.values());
    }

    private static boolean complete(LossPoint p) {
        for (double v : p.values()) {
            if (Double.isNaN(v)) {
                return false;
            }
        }
        return true;
    }

    private static List<LossPoint> lttb(List<LossPoint> points, int maxPoints) {
        int n = points.size();
        if (maxPoints >= n) {
            return points;
        }
        maxPoints = Math.max(3, maxPoints);
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
        int count = points.get(0).values().length;
        double[][] s = new double[count][points.size()];
        for (int i = 0; i < points.size(); i++) {
            for (int k = 0; k < count; k++) {
                s[k][i] = points.get(i).value(k);
            }
        }
        for (double[] values : s) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            double range = max > min ? max - min : 1;
            for (int i = 0; i < values.length; i++) {
                // Values measured only now and then do not shape the choice of points.
                values[i] = Double.isFinite(values[i]) ? (values[i] - min) / range : 0;
            }
        }
        return s;
    }
}
