-- Models of tables as well as images: one example's shape, e.g. '1,28,28' or '2'.
ALTER TABLE models ADD COLUMN example_shape VARCHAR(64);
UPDATE models SET example_shape = CAST(channels AS VARCHAR(16)) || ',' || CAST(height AS VARCHAR(16)) || ','
    || CAST(width AS VARCHAR(16));
ALTER TABLE models ALTER COLUMN example_shape SET NOT NULL;
ALTER TABLE models DROP COLUMN channels;
ALTER TABLE models DROP COLUMN height;
ALTER TABLE models DROP COLUMN width;

-- Sample-quality figures measured when a job finishes (JSON).
ALTER TABLE jobs ADD COLUMN quality VARCHAR(4000);
