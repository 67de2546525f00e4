package dev.gansvc.events;

import dev.gansvc.jobs.JobStatus;
import dev.gansvc.web.Echo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How far a stream has told a client about each of its jobs: the last loss point's iteration,
 * the last sample grid's epoch and the last status sent. It is every event's {@code id:}, so
 * that a client reconnecting with {@code Last-Event-ID} resumes where it stopped, on any
 * instance: {@code 7:1200:3:RUNNING,8:0:0:QUEUED}.
 */
record EventCursor(Map<Long, Position> jobs) {

    /** One job's position; {@code status} null before any was sent. */
    record Position(long iteration, int epoch, JobStatus status) {

        static final Position START = new Position(0, 0, null);

        Position withIteration(long newIteration) {
            return new Position(newIteration, epoch, status);
        }

        Position withEpoch(int newEpoch) {
            return new Position(iteration, newEpoch, status);
        }

        Position withStatus(JobStatus newStatus) {
            return new Position(iteration, epoch, newStatus);
        }
    }

    EventCursor {
        jobs = new LinkedHashMap<>(jobs);
    }

    Position of(long job) {
        return jobs.getOrDefault(job, Position.START);
    }

    void set(long job, Position position) {
        jobs.put(job, position);
    }

    String id() {
        return jobs.entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue().iteration() + ":"
                        + e.getValue().epoch() + ":"
                        + (e.getValue().status() == null
                                ? ""
                                : e.getValue().status().name()))
                .collect(Collectors.joining(","));
    }

    /**
     * The cursor an event id names.
     *
     * @throws IllegalArgumentException naming the part that is not {@code job:iteration:epoch:status}
     */
    static EventCursor parse(String id) {
        Map<Long, Position> jobs = new LinkedHashMap<>();
        if (id.isBlank()) {
            return new EventCursor(jobs);
        }
        for (String part : id.split(",", -1)) {
            String[] fields = part.split(":", -1);
            if (fields.length != 4) {
                throw notACursor(part);
            }
            long job = count(fields[0], part);
            long iteration = count(fields[1], part);
            long epoch = count(fields[2], part);
            if (epoch > Integer.MAX_VALUE) {
                throw notACursor(part);
            }
            jobs.put(job, new Position(iteration, (int) epoch, status(fields[3], part)));
        }
        return new EventCursor(jobs);
    }

    private static long count(String field, String part) {
        try {
            long value = Long.parseLong(field);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw notACursor(part);
    }

    private static JobStatus status(String field, String part) {
        if (field.isEmpty()) {
            return null;
        }
        for (JobStatus status : JobStatus.values()) {
            if (status.name().equals(field)) {
                return status;
            }
        }
        throw notACursor(part);
    }

    private static IllegalArgumentException notACursor(String part) {
        return new IllegalArgumentException(
                "'" + Echo.value(part) + "' is not job:iteration:epoch:status, as this service's event ids are");
    }
}
