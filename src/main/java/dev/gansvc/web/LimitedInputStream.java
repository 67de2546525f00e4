package dev.gansvc.web;

import dev.gansvc.engine.data.CountingInputStream;
import java.io.InputStream;

/** A request body that fails with {@link UploadTooLargeException} once it passes its limit. */
final class LimitedInputStream extends CountingInputStream {

    private final long limit;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    protected void counted(long count) {
        if (count > limit) {
            throw new UploadTooLargeException(limit);
        }
    }
}
