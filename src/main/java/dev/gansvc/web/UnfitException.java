package dev.gansvc.web;

/**
 * A request that is well formed but cannot be carried out as asked (422): a job that would
 * continue a model whose networks have another shape. The message names both sides.
 */
public class UnfitException extends RuntimeException {

    private final String field;

    public UnfitException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field the conflict is about. */
    public String field() {
        return field;
    }
}
