package dev.gansvc.jobs;

/**
 * Where a job is in its life cycle, and which moves between states there are:
 * <pre>
 *   QUEUED  -&gt; RUNNING (claimed), CANCELLED
 *   RUNNING -&gt; QUEUED (released at shutdown, or taken back when stale), SUCCEEDED, FAILED, CANCELLED
 *   FAILED, CANCELLED -&gt; QUEUED (retried by a user)
 * </pre>
 * SUCCEEDED goes nowhere; FAILED and CANCELLED only back to the queue, when a user retries them. {@link Job} decides when a move is made; this only says which exist.
 */
public enum JobStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    /** Whether a job in this state may move to {@code next}. */
    public boolean canBecome(JobStatus next) {
        return switch (this) {
            case QUEUED -> next == RUNNING || next == CANCELLED;
            case RUNNING -> next == QUEUED || next.isFinal();
            case FAILED, CANCELLED -> next == QUEUED;
            case SUCCEEDED -> false;
        };
    }
}
