package dev.gansvc.engine.data;

/** Data over one of the limits it is read under: more images, rows, values, pixels or bytes than allowed. */
public class LimitExceededException extends InvalidDataException {

    private final String limit;
    private final long allowed;

    /**
     * @param limit   the limit's name, e.g. {@code maxExamples} ({@link UploadLimits})
     * @param allowed its value
     */
    public LimitExceededException(String limit, long allowed, String message) {
        super(message);
        this.limit = limit;
        this.allowed = allowed;
    }

    public String limit() {
        return limit;
    }

    public long allowed() {
        return allowed;
    }
}
