-- Counts the claims of a job: the fencing token of a worker's lease. It changes at every claim
-- (a release back to the queue does not undo it), so a worker that was paused past its lease
-- cannot write under a later claim, even one by a worker of the same name.
ALTER TABLE jobs ADD COLUMN claims INTEGER DEFAULT 0 NOT NULL;
