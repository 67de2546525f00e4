package dev.gansvc.datasets;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A dataset uploaded through the API: its description, and its examples as {@code DatasetCodec} bytes. */
@Entity
@Table(name = "datasets")
public class UploadedDataset {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    /** "images" or "table". */
    @Column(nullable = false)
    private String kind;

    /** Comma-separated, e.g. "3,64,64" or "4". */
    @Column(name = "example_shape", nullable = false)
    private String exampleShape;

    @Column(nullable = false)
    private int examples;

    /** JSON array of class names, in label order; empty without labels. */
    @Column(name = "class_names", nullable = false)
    private String classNames;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false)
    private String sha256;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The API key that uploaded it; null when it came without one (open mode). */
    @Column(name = "uploaded_by")
    private Long uploadedBy;

    protected UploadedDataset() {}

    public UploadedDataset(
            String name,
            String kind,
            String exampleShape,
            int examples,
            String classNames,
            byte[] content,
            String sha256,
            Instant createdAt,
            Long uploadedBy) {
        this.name = name;
        this.kind = kind;
        this.exampleShape = exampleShape;
        this.examples = examples;
        this.classNames = classNames;
        this.content = content;
        this.sizeBytes = content.length;
        this.sha256 = sha256;
        this.createdAt = createdAt;
        this.uploadedBy = uploadedBy;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getKind() {
        return kind;
    }

    public String getExampleShape() {
        return exampleShape;
    }

    public int getExamples() {
        return examples;
    }

    public String getClassNames() {
        return classNames;
    }

    public byte[] getContent() {
        return content;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Long getUploadedBy() {
        return uploadedBy;
    }
}
