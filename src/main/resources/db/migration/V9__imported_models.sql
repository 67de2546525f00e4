-- A model imported from another instance's export (POST /models) has no job here, and a dataset
-- only when the importer names one.
ALTER TABLE models ALTER COLUMN job_id DROP NOT NULL;
ALTER TABLE models ALTER COLUMN dataset DROP NOT NULL;
