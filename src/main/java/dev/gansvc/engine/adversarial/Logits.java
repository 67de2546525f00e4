package dev.gansvc.engine.adversarial;

/** Numerically stable scalar functions of discriminator logits. */
public final class Logits {

    private Logits() {}

    static double sigmoid(double s) {
        return s >= 0 ? 1 / (1 + Math.exp(-s)) : Math.exp(s) / (1 + Math.exp(s));
    }

    /** log(1 + e^s) without overflow. */
    static double softplus(double s) {
        return Math.max(s, 0) + Math.log1p(Math.exp(-Math.abs(s)));
    }

    /**
     * Binary cross-entropy of the discriminator for one batch with a single target (1 for real,
     * 0 for fake, 0.9 for real with one-sided label smoothing), averaged; writes dLoss/dLogit
     * into {@code grad}.
     */
    public static double discriminatorLoss(float[] logits, double target, float[] grad) {
        int n = logits.length;
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double s = logits[i];
            loss += target * softplus(-s) + (1 - target) * softplus(s);
            grad[i] = (float) ((sigmoid(s) - target) / n);
        }
        return loss / n;
    }

    public static double meanSigmoid(float[] logits) {
        double sum = 0;
        for (float s : logits) {
            sum += sigmoid(s);
        }
        return sum / logits.length;
    }
}
