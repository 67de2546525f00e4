package dev.gansvc.web;

/** The service cannot take the request for now through no fault of the client (503, with Retry-After). */
public class ServiceUnavailableException extends RetryLaterException {

    public ServiceUnavailableException(String message, int retryAfterSeconds) {
        super(message, retryAfterSeconds);
    }
}
