package dev.gansvc.web;

/** A request refused for now, with how long the client should wait before it tries again (Retry-After). */
public abstract class RetryLaterException extends RuntimeException {

    private final int retryAfterSeconds;

    protected RetryLaterException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
