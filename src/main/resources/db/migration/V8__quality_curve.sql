-- A job's quality measured every qualityEvery epochs, beside the sample grid of that epoch (JSON,
-- as jobs.quality), so that the curve is dropped and recorded again with the grids on a resume.
ALTER TABLE snapshots ADD COLUMN quality VARCHAR(16000);
-- Room for the feature-space distances and their real-data floor besides the earlier figures.
ALTER TABLE jobs ALTER COLUMN quality SET DATA TYPE VARCHAR(16000);
