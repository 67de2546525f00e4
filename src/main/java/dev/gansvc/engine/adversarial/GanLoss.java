package dev.gansvc.engine.adversarial;

/**
 * The generator's objective. Both are computed on discriminator logits s, D = sigmoid(s).
 * MINIMAX minimises log(1 - D(G(z))) as in the original value function; NON_SATURATING
 * maximises log D(G(z)) instead, which gives strong gradients early when D rejects fakes.
 */
public enum GanLoss {
    NON_SATURATING("non-saturating"),
    MINIMAX("minimax");

    private final String id;

    GanLoss(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static GanLoss fromId(String id) {
        for (GanLoss loss : values()) {
            if (loss.id.equals(id)) {
                return loss;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + id + "'");
    }

    /** Generator loss for logits of fakes, and its gradient written into {@code grad}. */
    public double generatorLoss(float[] fakeLogits, float[] grad) {
        int n = fakeLogits.length;
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double s = fakeLogits[i];
            if (this == NON_SATURATING) {
                loss += Logits.softplus(-s); // -log D
                grad[i] = (float) ((Logits.sigmoid(s) - 1) / n);
            } else {
                loss -= Logits.softplus(s); // log(1 - D)
                grad[i] = (float) (-Logits.sigmoid(s) / n);
            }
        }
        return loss / n;
    }
}
