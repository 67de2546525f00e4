package dev.gansvc.training;

import dev.gansvc.GanProperties;
import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.engine.model.GeneratorModel;
import dev.gansvc.engine.model.LatentNoise;
import dev.gansvc.engine.model.LossPoint;
import dev.gansvc.engine.model.ModelArtifact;
import dev.gansvc.engine.model.SamplePictures;
import dev.gansvc.engine.model.TrainingListener;
import dev.gansvc.engine.model.TrainingPlan;
import dev.gansvc.jobs.JobLease;
import dev.gansvc.jobs.JobRepository;
import dev.gansvc.jobs.JobSpec;
import dev.gansvc.jobs.JobTransitions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Persists one job's training as it runs: loss points and progress in one batch per heartbeat
 * interval, a sample grid per epoch (with the quality every {@code qualityEvery} epochs), and checkpoints per epoch (the last one too, before the
 * quality is measured and the model stored) and per checkpoint interval.
 * Reads the job's cancel flag at each heartbeat, so a cancel on another instance is seen too.
 */
final class TrainingRecorder implements TrainingListener {

    private static final int SNAPSHOT_SIZE = 64;

    private final JobLease lease;
    private final long jobId;
    private final JobSpec spec;
    private final int examplesPerStep;
    private final JobControl control;
    private final GenerativeModel model;
    private final JobTransitions transitions;
    private final JobRepository jobs;
    private final CheckpointStore checkpoints;
    private final Clock clock;
    private final long heartbeatNanos;
    private final long checkpointNanos;
    private final INDArray snapshotNoise;
    private final Supplier<String> quality;
    private final TrainingMeters.Run meters;
    private final List<LossPoint> pending = new ArrayList<>();
    private long lastReportNanos = System.nanoTime();
    private long lastReportIteration;
    private long lastCheckpointNanos = System.nanoTime();
    /** When the last step (or the work at an epoch's end, not a step's) ended; 0 before the first. */
    private long lastStepEndNanos;
    /** The iteration of the job's latest checkpoint as far as this run knows (where it resumed from). */
    private long checkpointedIteration;

    private int epoch;
    private boolean lost;

    TrainingRecorder(
            JobLease lease,
            JobSpec spec,
            TrainingPlan plan,
            JobControl control,
            GenerativeModel model,
            Repositories repositories,
            GanProperties.Jobs settings,
            Supplier<String> quality,
            TrainingMeters.Run meters,
            Clock clock) {
        this.lease = lease;
        this.meters = meters;
        this.quality = quality;
        this.jobId = lease.jobId();
        this.spec = spec;
        this.examplesPerStep = plan.examplesPerStep(spec.trainingSettings());
        this.control = control;
        this.model = model;
        this.transitions = repositories.transitions();
        this.jobs = repositories.jobs();
        this.checkpoints = repositories.checkpoints();
        this.clock = clock;
        this.heartbeatNanos = settings.heartbeatInterval().toNanos();
        this.checkpointNanos = settings.checkpointInterval().toNanos();
        this.snapshotNoise = LatentNoise.sample(spec.seed() ^ 0x5EED5EEDL, SNAPSHOT_SIZE, spec.latentDim());
        this.lastReportIteration = model.iteration();
        this.checkpointedIteration = model.iteration();
    }

    /** The repositories a recorder writes to. */
    record Repositories(JobTransitions transitions, JobRepository jobs, CheckpointStore checkpoints) {}

    @Override
    public void onIteration(LossPoint point) {
        pending.add(point);
        epoch = point.epoch();
        long now = System.nanoTime();
        meters.step(examplesPerStep, lastStepEndNanos == 0 ? -1 : now - lastStepEndNanos);
        if (now - lastReportNanos >= heartbeatNanos) {
            report(now);
        }
        if (now - lastCheckpointNanos >= checkpointNanos && !lost) {
            checkpoint();
        }
        lastStepEndNanos = System.nanoTime();
    }

    @Override
    public void onEpochEnd(int completedEpoch, GenerativeModel trained) {
        if (lost) {
            return;
        }
        byte[] png = SamplePictures.png(GeneratorModel.of(trained), snapshotNoise);
        String measured = spec.schedule().measuresQualityAfter(completedEpoch) ? quality.get() : null;
        if (!transitions.recordSnapshot(lease, completedEpoch, trained.iteration(), png, measured, clock.instant())) {
            lost = true;
            return;
        }
        // The last epoch's end too: a crash while the quality is measured or the model stored
        // then resumes at the end, and goes straight to measuring and storing again.
        checkpoint();
        lastStepEndNanos = System.nanoTime();
    }

    boolean shouldStop() {
        return lostOwnership() || control.cancelled() || control.shuttingDown();
    }

    /** Whether a write or the heartbeat found the job no longer this worker's: it then writes nothing more. */
    boolean lostOwnership() {
        return lost || control.holdLost();
    }

    /** Writes pending loss points and progress now. */
    void flush() {
        report(System.nanoTime());
    }

    void checkpoint() {
        flush();
        if (!lost) {
            checkpoints.save(lease, model.iteration(), epoch, ModelArtifact.write(model));
            lastCheckpointNanos = System.nanoTime();
            checkpointedIteration = model.iteration();
        }
    }

    /**
     * Saves a checkpoint of the trained model after the last step unless there is one already
     * (the last epoch's end saves it; a run resumed at the end has it): whatever happens while
     * the quality is measured and the model stored, a restart does not train again.
     */
    void checkpointAtEnd() {
        if (checkpointedIteration != model.iteration()) {
            checkpoint();
        }
    }

    private void report(long now) {
        if (lost) {
            return;
        }
        double seconds = (now - lastReportNanos) / 1e9;
        long steps = model.iteration() - lastReportIteration;
        Double imagesPerSecond =
                steps > 0 && seconds > 0 ? Math.round(10.0 * steps * examplesPerStep / seconds) / 10.0 : null;
        boolean held =
                transitions.reportProgress(lease, pending, model.iteration(), epoch, imagesPerSecond, clock.instant());
        pending.clear();
        if (!held) {
            lost = true;
            return;
        }
        if (jobs.isCancelRequested(jobId)) {
            control.cancel();
        }
        lastReportNanos = now;
        lastReportIteration = model.iteration();
    }
}
