package dev.gansvc.models;

import dev.gansvc.Hashes;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The bytes of a saved model (see {@code ModelArtifact}), with their size and SHA-256. */
@Entity
@Table(name = "artifacts")
public class Artifact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private byte[] content;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false)
    private String sha256;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Artifact() {}

    public Artifact(byte[] content, Instant createdAt) {
        this.content = content;
        this.sizeBytes = content.length;
        this.sha256 = Hashes.sha256(content);
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
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
}
