package dev.gansvc.engine.gan;

/**
 * Losses of one generator step: the discriminator's BCE on real plus fake, the generator's
 * loss, and the discriminator's mean output on the real and the fake batch.
 */
public record LossPoint(long iteration, int epoch, double dLoss, double gLoss, double dReal, double dFake) {
}
