package dev.gansvc.web;

/** A request refused for now because the service is at a limit (429, with Retry-After). */
public class TooManyRequestsException extends RetryLaterException {

    public TooManyRequestsException(String message, int retryAfterSeconds) {
        super(message, retryAfterSeconds);
    }
}
