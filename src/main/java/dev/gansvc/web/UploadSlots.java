package dev.gansvc.web;

import dev.gansvc.GanProperties;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Bounds how many uploads are decoded at once ({@code gan.uploads.max-concurrent}): each may
 * take up to {@code gan.uploads.max-values} numbers of memory, so the bound on them is the bound
 * on the memory uploads take. One more is refused at once (429), not queued.
 */
@Component
public class UploadSlots {

    /** What a refused client is told to wait before it tries again. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final int slots;
    private final Semaphore free;

    public UploadSlots(GanProperties properties) {
        this.slots = properties.uploads().maxConcurrent();
        this.free = new Semaphore(slots);
    }

    /** Uploads being decoded now. */
    public int decoding() {
        return slots - free.availablePermits();
    }

    /** Runs {@code decode} in a free slot, or refuses with 429 when every slot is taken. */
    public <T> T decode(Supplier<T> decode) {
        if (!free.tryAcquire()) {
            throw new TooManyRequestsException(
                    "%d uploads are being decoded already (gan.uploads.max-concurrent); try again shortly"
                            .formatted(slots),
                    RETRY_AFTER_SECONDS);
        }
        try {
            return decode.get();
        } finally {
            free.release();
        }
    }
}
