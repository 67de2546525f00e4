package dev.gansvc.engine.adversarial;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How a discriminator's outputs become one logit per judged pack. Unconditional: its single
 * output. Class-conditional, as a projection discriminator (Miyato and Koyama 2018): D(x, y) =
 * psi(phi(x)) + &lt;V_y, phi(x)&gt;, which for a linear psi is a last dense layer with one
 * output per class, read at the label. A pack of m examples has m outputs per class and its
 * logit is the sum of each member's output for that member's class.
 *
 * <p>Appending the label to the input instead (one-hot planes on images) worked for rows and
 * 28-pixel digits but not for the eight-convolution 64-pixel discriminator, which learned the
 * pictures and ignored the planes (class agreement near chance on shapes64; docs/quality.md).
 *
 * @param labels each example's class, in the order the packs hold them
 * @param classes 0 for an unconditional discriminator, else its classes or clusters
 */
public record LabelReadout(int[] labels, int classes, int packing) {

    static LabelReadout unconditional() {
        return new LabelReadout(new int[0], 0, 1);
    }

    /** The readout of a batch of these examples followed by as many more with the same labels. */
    LabelReadout twice() {
        if (classes == 0) {
            return this;
        }
        int[] both = new int[2 * labels.length];
        System.arraycopy(labels, 0, both, 0, labels.length);
        System.arraycopy(labels, 0, both, labels.length, labels.length);
        return new LabelReadout(both, classes, packing);
    }

    /** One logit per pack from the discriminator's outputs, [packs, 1] or [packs, packing * classes]. */
    public float[] logits(INDArray outputs) {
        float[] all = outputs.reshape(outputs.length()).toFloatVector();
        if (classes == 0) {
            return all;
        }
        int width = packing * classes;
        float[] logits = new float[all.length / width];
        for (int p = 0; p < logits.length; p++) {
            for (int i = 0; i < packing; i++) {
                logits[p] += all[p * width + i * classes + labels[p * packing + i]];
            }
        }
        return logits;
    }

    /** dLoss/dOutputs, given dLoss/dLogit per pack. */
    public INDArray outputGradient(float[] logitGradient) {
        if (classes == 0) {
            return AdversarialObjective.column(logitGradient);
        }
        int width = packing * classes;
        float[] gradient = new float[logitGradient.length * width];
        for (int p = 0; p < logitGradient.length; p++) {
            for (int i = 0; i < packing; i++) {
                gradient[p * width + i * classes + labels[p * packing + i]] = logitGradient[p];
            }
        }
        return Nd4j.create(gradient, new long[] {logitGradient.length, width}, 'c');
    }
}
