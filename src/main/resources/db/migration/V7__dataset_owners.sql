-- The key that uploaded a dataset (null: uploaded in open mode). No foreign key, as for
-- jobs.submitted_by: a dataset keeps the id of a key deleted since. A trainer may delete the
-- datasets its key uploaded, and their size_bytes count against its storage quota.
ALTER TABLE datasets ADD COLUMN uploaded_by BIGINT;
