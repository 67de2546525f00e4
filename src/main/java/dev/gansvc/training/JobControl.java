package dev.gansvc.training;

/** Stop requests for one running job, set from other threads. */
final class JobControl {

    private volatile boolean cancelled;
    private volatile boolean shuttingDown;

    void cancel() {
        cancelled = true;
    }

    void shutDown() {
        shuttingDown = true;
    }

    boolean cancelled() {
        return cancelled;
    }

    boolean shuttingDown() {
        return shuttingDown;
    }
}
