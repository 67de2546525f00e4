package dev.gansvc.events;

import dev.gansvc.engine.model.LossPoint;
import dev.gansvc.engine.model.LossSeries;
import dev.gansvc.jobs.Job;
import dev.gansvc.jobs.JobService;
import dev.gansvc.jobs.JobStatus;
import dev.gansvc.jobs.JobView;
import dev.gansvc.jobs.LossCurve;
import dev.gansvc.jobs.LossPointRepository;
import dev.gansvc.jobs.Snapshot;
import dev.gansvc.jobs.SnapshotRepository;
import dev.gansvc.jobs.SnapshotView;
import dev.gansvc.web.NotFoundException;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One client's stream of events about some jobs. Each look reads what the database holds
 * beyond the stream's {@link EventCursor} and sends it, so the stream never touches the
 * training thread, follows jobs trained on other instances, and resumes from any event's id:
 *
 * <ul>
 *   <li>{@code losses}: the loss points recorded since the last look, at most {@link #BATCH} an event
 *       (as {@code GET /jobs/{id}/losses} gives them);
 *   <li>{@code snapshot}: an epoch's sample grid is ready (where to get it, and the quality measured then);
 *   <li>{@code progress}: the job (as {@code GET /jobs/{id}}) when its iteration moved, and at the first look;
 *   <li>{@code status}: the job when its status changed since the cursor's;
 *   <li>{@code deleted}: the job is gone;
 *   <li>{@code end}: every job has finished and everything it recorded was sent; the stream closes.
 * </ul>
 */
final class EventStream {

    /** Loss points per {@code losses} event. */
    static final int BATCH = 1000;

    /** Loss events per job and look, so that a reconnecting client's backlog goes in steps. */
    private static final int MAX_BATCHES_PER_LOOK = 20;

    private final SseEmitter emitter;
    private final List<Long> jobIds;
    private final EventCursor cursor;
    private final Sources sources;
    private final Map<Long, Long> progressSent = new HashMap<>();
    private final Set<Long> finished = new HashSet<>();
    /** Jobs whose loss points are sent from the iteration they have reached at the first look on. */
    private final Set<Long> fromPresent;

    private long lastSentNanos = System.nanoTime();
    private volatile boolean closed;

    /** Where a stream reads its news from. */
    record Sources(JobService jobs, LossPointRepository lossPoints, SnapshotRepository snapshots, JsonMapper json) {}

    EventStream(SseEmitter emitter, List<Long> jobIds, EventCursor cursor, Set<Long> fromPresent, Sources sources) {
        this.emitter = emitter;
        this.fromPresent = new HashSet<>(fromPresent);
        this.jobIds = List.copyOf(jobIds);
        this.cursor = cursor;
        this.sources = sources;
    }

    boolean closed() {
        return closed;
    }

    void close() {
        closed = true;
    }

    /** Ends the response; the client may reconnect with the last event's id. */
    void complete() {
        emitter.complete();
    }

    /**
     * Sends what happened since the last look, or a heartbeat comment if nothing did for
     * {@code heartbeatNanos}; completes the stream after its {@code end} event.
     *
     * @throws IOException when the client cannot be written to (it has gone)
     */
    void look(long heartbeatNanos) throws IOException {
        for (long id : jobIds) {
            if (!finished.contains(id) && !closed) {
                lookAt(id);
            }
        }
        if (closed) {
            return;
        }
        if (finished.size() == jobIds.size()) {
            send("end", Map.of("jobs", jobIds));
            close();
            emitter.complete();
        } else if (System.nanoTime() - lastSentNanos >= heartbeatNanos) {
            emitter.send(SseEmitter.event().comment("heartbeat"));
            lastSentNanos = System.nanoTime();
        }
    }

    private void lookAt(long id) throws IOException {
        Job job;
        try {
            // The job first: a final status is stored after the job's last loss points and grid,
            // so once it is read, what follows reads all of them.
            job = sources.jobs().find(id);
        } catch (NotFoundException e) {
            send("deleted", Map.of("job", id));
            finished.add(id);
            return;
        }
        JobView view = sources.jobs().view(job);
        if (fromPresent.remove(id)) {
            // The job's iteration and its loss points are stored together: the first progress
            // event names the iteration, and GET /jobs/{id}/losses?to=it gives what came before.
            cursor.set(id, cursor.of(id).withIteration(job.getIteration()));
        }
        boolean drained = sendLosses(id, sources.jobs().family(job).lossSeries());
        for (Snapshot snapshot : sources.snapshots().list(id, cursor.of(id).epoch())) {
            cursor.set(id, cursor.of(id).withEpoch(snapshot.epoch()));
            send("snapshot", new SnapshotEvent(id, SnapshotView.of(id, snapshot), quality(snapshot)));
        }
        Long iterationSent = progressSent.get(id);
        if (iterationSent == null || iterationSent != view.progress().iteration()) {
            progressSent.put(id, view.progress().iteration());
            send("progress", view);
        }
        JobStatus status = view.status();
        if (status != cursor.of(id).status()) {
            cursor.set(id, cursor.of(id).withStatus(status));
            send("status", view);
        }
        if (status.isFinal() && drained) {
            finished.add(id);
        }
    }

    /** Sends the points after the cursor's; whether none is left. */
    private boolean sendLosses(long id, List<LossSeries> series) throws IOException {
        for (int b = 0; b < MAX_BATCHES_PER_LOOK; b++) {
            List<LossPoint> points =
                    sources.lossPoints().findAfter(id, cursor.of(id).iteration(), series.size(), BATCH);
            if (points.isEmpty()) {
                return true;
            }
            cursor.set(
                    id,
                    cursor.of(id).withIteration(points.get(points.size() - 1).iteration()));
            send("losses", LossCurve.of(id, points.size(), series, points));
            if (points.size() < BATCH) {
                return true;
            }
        }
        return false;
    }

    private JsonNode quality(Snapshot snapshot) {
        return snapshot.quality() == null ? null : sources.json().readTree(snapshot.quality());
    }

    private void send(String name, Object data) throws IOException {
        emitter.send(SseEmitter.event().name(name).id(cursor.id()).data(data, MediaType.APPLICATION_JSON));
        lastSentNanos = System.nanoTime();
    }

    /** An epoch's grid is ready: where to get it, and the quality measured then (null when none was). */
    record SnapshotEvent(long job, SnapshotView snapshot, JsonNode quality) {}
}
