package dev.gansvc.jobs;

/**
 * A job's quality as measured at the end of an epoch, or when it ended.
 *
 * @param quality {@link dev.gansvc.engine.quality.QualityReport} as JSON
 */
public record QualityPoint(int epoch, long iteration, String quality) {}
