package dev.gansvc.engine.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts what the archive's entries expand to, failing as soon as one entry, all of them
 * together, or their ratio to the bytes read from the archive pass their limits: a bomb is
 * refused after its first mebibyte, not after its last.
 */
public final class UnpackedEntries {

    /** The ratio is judged once this much is unpacked: tiny archives of small files vary widely. */
    private static final long RATIO_FROM_BYTES = 1 << 20;

    private final UploadLimits limits;
    private long total;

    public UnpackedEntries(UploadLimits limits) {
        this.limits = limits;
    }

    /** The entry's bytes; {@code packed} counts what was read of the archive so far. */
    public byte[] entry(String name, InputStream entry, CountingInputStream packed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        for (int n = entry.read(buffer); n >= 0; n = entry.read(buffer)) {
            total += n;
            if (out.size() + (long) n > limits.maxEntryBytes()) {
                throw new LimitExceededException(
                        "maxEntryBytes",
                        limits.maxEntryBytes(),
                        "entry '%s' expands to more than %d bytes".formatted(name, limits.maxEntryBytes()));
            }
            if (total > limits.maxUncompressedBytes()) {
                throw new LimitExceededException(
                        "maxUncompressedBytes",
                        limits.maxUncompressedBytes(),
                        "the archive expands to more than " + limits.maxUncompressedBytes() + " bytes");
            }
            if (total > RATIO_FROM_BYTES && total > (double) limits.maxExpansionRatio() * packed.count()) {
                throw new LimitExceededException(
                        "maxExpansionRatio",
                        limits.maxExpansionRatio(),
                        "the archive expands to more than %d times its size (%d bytes from the first %d)"
                                .formatted(limits.maxExpansionRatio(), total, packed.count()));
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
