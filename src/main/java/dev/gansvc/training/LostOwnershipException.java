package dev.gansvc.training;

/** The job was taken from this worker (declared stale and claimed elsewhere); it must stop writing. */
class LostOwnershipException extends RuntimeException {

    LostOwnershipException(long jobId) {
        super("job " + jobId + " is no longer owned by this worker");
    }
}
