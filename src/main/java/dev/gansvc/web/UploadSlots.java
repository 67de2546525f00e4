package dev.gansvc.web;

import dev.gansvc.GanProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Receives uploads: each request body is streamed to a temporary file, at most
 * {@code gan.uploads.max-bytes} of it (413 beyond), and decoded from that file once it is whole,
 * so that a refusal found while decoding reaches a client that has finished sending, and nothing
 * of the body is held in memory. At most {@code gan.uploads.max-concurrent} uploads are received
 * and decoded at once: each may take up to {@code gan.uploads.max-values} numbers of memory and
 * {@code max-bytes} of disk, so that bound is the bound on what uploads take. One more is refused
 * at once (429), not queued.
 */
@Component
public class UploadSlots {

    /** What a refused client is told to wait before it tries again. */
    static final int RETRY_AFTER_SECONDS = 5;

    /** Temporary files are named after the process, so that what a crashed process left is known as its. */
    static final String SPOOL_PREFIX = "gan-upload-" + ProcessHandle.current().pid() + "-";

    private static final Logger log = LoggerFactory.getLogger(UploadSlots.class);

    private final int slots;
    private final long maxBytes;
    private final Semaphore free;
    private final Counter received;

    public UploadSlots(GanProperties properties, MeterRegistry registry) {
        this.slots = properties.uploads().maxConcurrent();
        this.maxBytes = properties.uploads().maxBytes();
        this.free = new Semaphore(slots);
        this.received = Counter.builder("gan.uploads.received")
                .description("Bytes of upload bodies received, refused ones included")
                .baseUnit("bytes")
                .register(registry);
        Gauge.builder("gan.uploads.active", this, UploadSlots::inProgress)
                .description("Uploads being received or decoded now")
                .register(registry);
    }

    /** Uploads being received or decoded now. */
    public int inProgress() {
        return slots - free.availablePermits();
    }

    /**
     * Receives {@code body} in a free slot and runs {@code decode} on it, or refuses with 429
     * when every slot is taken. The temporary file is deleted before this returns.
     */
    public <T> T receive(InputStream body, Function<InputStream, T> decode) {
        if (!free.tryAcquire()) {
            throw new TooManyRequestsException(
                    "%d uploads are being received already (gan.uploads.max-concurrent); try again shortly"
                            .formatted(slots),
                    RETRY_AFTER_SECONDS);
        }
        try {
            Path file = spool(body);
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                return decode.apply(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                delete(file);
            }
        } finally {
            free.release();
        }
    }

    /** The body in a new temporary file; nothing is left behind when it cannot be received whole. */
    private Path spool(InputStream body) {
        Path file;
        try {
            file = Files.createTempFile(SPOOL_PREFIX, ".part");
        } catch (IOException e) {
            throw unavailable(e);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            InputStream limited = new LimitedInputStream(body, maxBytes);
            byte[] buffer = new byte[1 << 16];
            for (int n = read(limited, buffer); n >= 0; n = read(limited, buffer)) {
                out.write(buffer, 0, n);
                received.increment(n);
            }
        } catch (IOException e) {
            delete(file);
            throw unavailable(e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
        return file;
    }

    /** A failure to read the client's body is the client's (the handler answers 400), not the disk's. */
    private static int read(InputStream body, byte[] buffer) {
        try {
            return body.read(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ServiceUnavailableException unavailable(IOException e) {
        log.warn("cannot write an upload to a temporary file: {}", e.toString());
        return new ServiceUnavailableException(
                "the upload cannot be received now: no room for it on the server's disk", 60);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("cannot delete the temporary upload {}: {}", file, e.toString());
        }
    }
}
