package dev.gansvc.engine.classify;

import dev.gansvc.engine.nn.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Softmax over class logits, and the cross-entropy loss a classifier trains on. */
final class Softmax {

    private Softmax() {}

    /** Row-wise class probabilities of [n, classes] logits, computed stably. */
    static float[][] probabilities(INDArray logits) {
        float[][] rows = Tensors.floatRows(logits);
        for (float[] row : rows) {
            float max = Float.NEGATIVE_INFINITY;
            for (float v : row) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (int c = 0; c < row.length; c++) {
                row[c] = (float) Math.exp(row[c] - max);
                sum += row[c];
            }
            for (int c = 0; c < row.length; c++) {
                row[c] /= (float) sum;
            }
        }
        return rows;
    }

    /**
     * Mean cross-entropy of logits against labels; writes dLoss/dLogits (softmax minus one-hot,
     * over n) into {@code grad}, [n][classes].
     */
    static double crossEntropy(INDArray logits, int[] labels, float[][] grad) {
        float[][] p = probabilities(logits);
        int n = p.length;
        double loss = 0;
        for (int i = 0; i < n; i++) {
            loss -= Math.log(Math.max(p[i][labels[i]], 1e-12));
            for (int c = 0; c < p[i].length; c++) {
                grad[i][c] = (p[i][c] - (c == labels[i] ? 1 : 0)) / n;
            }
        }
        return loss / n;
    }
}
