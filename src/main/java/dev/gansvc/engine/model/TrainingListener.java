package dev.gansvc.engine.model;

/** Hooks through which a trainer reports progress; called on the training thread. */
public interface TrainingListener {

    /** Listens to nothing. */
    TrainingListener NONE = new TrainingListener() {
        @Override
        public void onIteration(LossPoint point) {}

        @Override
        public void onEpochEnd(int epoch, GenerativeModel model) {}
    };

    void onIteration(LossPoint point);

    /** Called after the last step of each epoch (1-based), with the model at that point. */
    void onEpochEnd(int epoch, GenerativeModel model);
}
