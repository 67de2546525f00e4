-- Every model records its own loss series (GAN: dLoss, gLoss, dReal, dFake; VAE: loss,
-- reconstruction, kl, ...); value_i holds series i of the job's model, NULL where not measured.
CREATE TABLE loss_values (
    job_id    BIGINT  NOT NULL REFERENCES jobs (id),
    iteration BIGINT  NOT NULL,
    epoch     INTEGER NOT NULL,
    value_0   DOUBLE PRECISION,
    value_1   DOUBLE PRECISION,
    value_2   DOUBLE PRECISION,
    value_3   DOUBLE PRECISION,
    value_4   DOUBLE PRECISION,
    value_5   DOUBLE PRECISION,
    PRIMARY KEY (job_id, iteration)
);
INSERT INTO loss_values (job_id, iteration, epoch, value_0, value_1, value_2, value_3)
    SELECT job_id, iteration, epoch, d_loss, g_loss, d_real, d_fake FROM loss_points;
DROP TABLE loss_points;

-- A model has any set of networks; their parameter counts as JSON, e.g. {"generator":778305,"discriminator":138817}.
ALTER TABLE models ADD COLUMN network_parameters VARCHAR(1000);
UPDATE models SET network_parameters = '{"generator":' || CAST(generator_parameters AS VARCHAR(20))
    || ',"discriminator":' || CAST(discriminator_parameters AS VARCHAR(20)) || '}';
ALTER TABLE models ALTER COLUMN network_parameters SET NOT NULL;
ALTER TABLE models DROP COLUMN generator_parameters;
ALTER TABLE models DROP COLUMN discriminator_parameters;

-- Classes a conditional model generates (0: unconditional).
ALTER TABLE models ADD COLUMN class_count INTEGER DEFAULT 0 NOT NULL;
