package dev.gansvc.jobs;

/** Application events through which the job API nudges this instance's workers. */
public final class JobEvents {

    private JobEvents() {}

    /** A job was queued: idle workers need not wait for their next poll. */
    public record Submitted(long jobId) {}

    /** Cancellation of a running job was requested. */
    public record CancelRequested(long jobId) {}
}
