package dev.gansvc.models;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A trained generator/discriminator pair produced by a job; its weights are an {@link Artifact}. */
@Entity
@Table(name = "models")
public class TrainedModel {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "job_id", nullable = false)
    private long jobId;

    @Column(nullable = false)
    private String architecture;

    @Column(nullable = false)
    private String dataset;

    @Column(name = "latent_dim", nullable = false)
    private int latentDim;

    private int channels;
    private int height;
    private int width;

    @Column(name = "generator_parameters", nullable = false)
    private long generatorParameters;

    @Column(name = "discriminator_parameters", nullable = false)
    private long discriminatorParameters;

    private long iterations;

    @Column(name = "artifact_id", nullable = false)
    private long artifactId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TrainedModel() {
    }

    public TrainedModel(long jobId, String architecture, String dataset, int latentDim, int channels, int height,
            int width, long generatorParameters, long discriminatorParameters, long iterations, long artifactId,
            Instant createdAt) {
        this.jobId = jobId;
        this.architecture = architecture;
        this.dataset = dataset;
        this.latentDim = latentDim;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.generatorParameters = generatorParameters;
        this.discriminatorParameters = discriminatorParameters;
        this.iterations = iterations;
        this.artifactId = artifactId;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public long getJobId() {
        return jobId;
    }

    public String getArchitecture() {
        return architecture;
    }

    public String getDataset() {
        return dataset;
    }

    public int getLatentDim() {
        return latentDim;
    }

    public int getChannels() {
        return channels;
    }

    public int getHeight() {
        return height;
    }

    public int getWidth() {
        return width;
    }

    public long getGeneratorParameters() {
        return generatorParameters;
    }

    public long getDiscriminatorParameters() {
        return discriminatorParameters;
    }

    public long getIterations() {
        return iterations;
    }

    public long getArtifactId() {
        return artifactId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
