package dev.gansvc.training;

/** Stop requests for one running job, set from other threads. */
final class JobControl {

    private volatile boolean cancelled;
    private volatile boolean shuttingDown;
    private volatile boolean holdLost;

    void cancel() {
        cancelled = true;
    }

    void shutDown() {
        shuttingDown = true;
    }

    /** The heartbeat found that the worker no longer holds the job (another claim took it over). */
    void loseHold() {
        holdLost = true;
    }

    boolean holdLost() {
        return holdLost;
    }

    boolean cancelled() {
        return cancelled;
    }

    boolean shuttingDown() {
        return shuttingDown;
    }
}
