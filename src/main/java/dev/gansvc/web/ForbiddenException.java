package dev.gansvc.web;

/** The caller may not do this to this resource (403), e.g. a trainer cancelling another key's job. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
