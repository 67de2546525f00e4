package dev.gansvc.jobs;

import dev.gansvc.engine.gan.LossPoint;
import java.util.List;

/**
 * Recorded loss points of a job.
 *
 * @param recorded how many points lie in the requested range before downsampling
 */
public record LossCurve(long jobId, long recorded, List<LossPoint> points) {
}
