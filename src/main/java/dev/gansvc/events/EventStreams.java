package dev.gansvc.events;

import dev.gansvc.jobs.JobService;
import dev.gansvc.jobs.LossPointRepository;
import dev.gansvc.jobs.SnapshotRepository;
import dev.gansvc.web.ServiceUnavailableException;
import dev.gansvc.web.TooManyRequestsException;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open event streams of this instance. Each stream looks for news once per interval on a
 * thread of its own from a pool (one per open stream at most), so a client that reads slowly or
 * not at all holds up only its own stream, and never a training thread, which writes to the
 * database and knows nothing of streams. A stream is dropped when its client goes, its timeout
 * passes or a write fails; at shutdown every stream is closed first, so that the server's graceful
 * shutdown does not wait for them (clients reconnect elsewhere with Last-Event-ID).
 */
@Component
class EventStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);

    private final EventProperties settings;
    private final EventStream.Sources sources;
    private final Set<EventStream> open = ConcurrentHashMap.newKeySet();
    /** Made at each start and shut down at each stop (a test framework may stop and restart a context). */
    private volatile ScheduledExecutorService clock;

    private volatile ThreadPoolExecutor lookers;
    private volatile boolean running;

    EventStreams(
            EventProperties settings,
            JobService jobs,
            LossPointRepository lossPoints,
            SnapshotRepository snapshots,
            JsonMapper json) {
        this.settings = settings;
        this.sources = new EventStream.Sources(jobs, lossPoints, snapshots, json);
    }

    /**
     * Opens a stream of events about {@code jobIds} from {@code cursor} on.
     *
     * @param fromPresent the jobs whose loss points start at the iteration they have reached
     * @throws TooManyRequestsException when {@code gan.events.max-streams} are open
     */
    SseEmitter open(List<Long> jobIds, EventCursor cursor, Set<Long> fromPresent) {
        if (!running) {
            throw new ServiceUnavailableException("this instance is shutting down; try another or again shortly", 5);
        }
        if (open.size() >= settings.maxStreams()) {
            throw new TooManyRequestsException(
                    "%d event streams are open on this instance (gan.events.max-streams); try again shortly"
                            .formatted(settings.maxStreams()),
                    5);
        }
        SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
        EventStream stream = new EventStream(emitter, jobIds, cursor, fromPresent, sources);
        open.add(stream);
        Runnable drop = () -> {
            stream.close();
            open.remove(stream);
        };
        emitter.onCompletion(drop);
        emitter.onTimeout(drop);
        emitter.onError(e -> drop.run());
        schedule(stream, 0);
        return emitter;
    }

    private void schedule(EventStream stream, long delayMillis) {
        if (stream.closed() || !running) {
            return;
        }
        try {
            clock.schedule(() -> runLook(stream), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            stream.close(); // shutting down
        }
    }

    private void runLook(EventStream stream) {
        try {
            lookers.execute(() -> {
                look(stream);
                schedule(stream, settings.interval().toMillis());
            });
        } catch (RejectedExecutionException e) {
            // Every looker is busy writing to a client that does not read: this one waits its turn.
            schedule(stream, settings.interval().toMillis());
        }
    }

    private void look(EventStream stream) {
        if (stream.closed()) {
            return;
        }
        try {
            stream.look(settings.heartbeat().toNanos());
        } catch (IOException | IllegalStateException e) {
            // The client has gone (or the emitter was completed meanwhile): the stream ends here.
            stream.close();
            open.remove(stream);
        } catch (RuntimeException e) {
            log.warn("an event stream failed and was closed: {}", e.toString());
            stream.close();
            open.remove(stream);
            stream.complete();
        }
    }

    @Override
    public void start() {
        clock = Executors.newSingleThreadScheduledExecutor(daemon("gan-events-clock"));
        lookers = new ThreadPoolExecutor(
                0, settings.maxStreams(), 60, TimeUnit.SECONDS, new SynchronousQueue<>(), daemon("gan-events-"));
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        for (EventStream stream : open) {
            stream.close();
            stream.complete();
        }
        open.clear();
        clock.shutdownNow();
        lookers.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
