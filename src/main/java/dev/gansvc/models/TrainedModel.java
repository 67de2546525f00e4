package dev.gansvc.models;

import dev.gansvc.engine.model.GenerativeModel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A trained model produced by a job; its weights are an {@link Artifact}. */
@Entity
@Table(name = "models")
public class TrainedModel {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Null for a model imported from another instance. */
    @Column(name = "job_id")
    private Long jobId;

    @Column(nullable = false)
    private String architecture;

    /** Null for an imported model whose importer named no dataset. */
    private String dataset;

    @Column(name = "latent_dim", nullable = false)
    private int latentDim;

    /** Comma-separated, e.g. "1,28,28" for images or "2" for rows of two features. */
    @Column(name = "example_shape", nullable = false)
    private String exampleShape;

    @Column(name = "class_count", nullable = false)
    private int classCount;

    /** Parameter count of each network as JSON, e.g. {"generator":778305,"discriminator":138817}. */
    @Column(name = "network_parameters", nullable = false)
    private String networkParameters;

    private long iterations;

    @Column(name = "artifact_id", nullable = false)
    private long artifactId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TrainedModel() {}

    private TrainedModel(
            Long jobId,
            String architecture,
            String dataset,
            int latentDim,
            long[] exampleShape,
            int classCount,
            String networkParameters,
            long iterations,
            long artifactId,
            Instant createdAt) {
        this.jobId = jobId;
        this.architecture = architecture;
        this.dataset = dataset;
        this.latentDim = latentDim;
        this.exampleShape = Arrays.stream(exampleShape).mapToObj(Long::toString).collect(Collectors.joining(","));
        this.classCount = classCount;
        this.networkParameters = networkParameters;
        this.iterations = iterations;
        this.artifactId = artifactId;
        this.createdAt = createdAt;
    }

    /**
     * The row of {@code model}, saved as artifact {@code artifactId}.
     *
     * @param jobId             the job that trained it; null for an import
     * @param networkParameters the parameter counts of its networks as JSON
     */
    public static TrainedModel of(
            GenerativeModel model,
            Long jobId,
            String dataset,
            String networkParameters,
            long artifactId,
            Instant createdAt) {
        return new TrainedModel(
                jobId,
                model.family().id(),
                dataset,
                model.latentDim(),
                model.exampleShape(),
                model.shape().classCount(),
                networkParameters,
                model.iteration(),
                artifactId,
                createdAt);
    }

    public Long getId() {
        return id;
    }

    public Long getJobId() {
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

    public long[] getExampleShape() {
        return Arrays.stream(exampleShape.split(",")).mapToLong(Long::parseLong).toArray();
    }

    public int getClassCount() {
        return classCount;
    }

    public String getNetworkParameters() {
        return networkParameters;
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
